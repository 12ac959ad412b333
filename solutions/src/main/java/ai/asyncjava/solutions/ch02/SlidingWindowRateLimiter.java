package ai.asyncjava.solutions.ch02;

import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A sliding-window limiter: it remembers when each of the last {@code limit} requests went out
 * and lets a new one go only while fewer than {@code limit} of them are younger than
 * {@code interval}.
 */
public class SlidingWindowRateLimiter implements RateLimiter {

    private final int limit;
    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    /** Send times ({@code System.nanoTime()}), oldest first. Guarded by {@code lock}. */
    private final Deque<Long> sendTimes = new ArrayDeque<>();

    public SlidingWindowRateLimiter(int limit, Duration interval) {
        if (limit < 1 || !interval.isPositive()) {
            throw new IllegalArgumentException("need a limit of 1 or more and a positive interval");
        }
        this.limit = limit;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            lock.lock();
            try {
                // Read the clock under the lock, so send times enter the deque in order.
                long now = System.nanoTime();
                forgetSendsBefore(now - intervalNanos);
                if (sendTimes.size() < limit) {
                    sendTimes.addLast(now);
                    return;
                }
                // Full: the oldest send leaves the window exactly one interval after it went out.
                waitNanos = sendTimes.peekFirst() + intervalNanos - now;
            } finally {
                lock.unlock();
            }
            // Sleep with the lock released: holding it would stall every other caller, even
            // those a slot may free up for first, and make them wait uninterruptibly.
            // Waking up is no promise of a slot (others woke too), so check again.
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    /** Drops the sends that are an interval old or older: they no longer count. */
    private void forgetSendsBefore(long cutoff) {
        while (!sendTimes.isEmpty() && sendTimes.peekFirst() <= cutoff) {
            sendTimes.pollFirst();
        }
    }
}
