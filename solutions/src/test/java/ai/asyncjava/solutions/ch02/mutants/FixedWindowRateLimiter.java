package ai.asyncjava.solutions.ch02.mutants;

import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Mutant: a fixed window that counts up to the limit and starts afresh each interval, so two windows' worth can go back to back. */
public class FixedWindowRateLimiter implements RateLimiter {

    private final int limit;
    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private long windowStart = -1;
    private int sentInWindow;

    public FixedWindowRateLimiter(int limit, Duration interval) {
        this.limit = limit;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            lock.lock();
            try {
                long now = System.nanoTime();
                if (windowStart < 0 || now - windowStart >= intervalNanos) {
                    windowStart = now;
                    sentInWindow = 0;
                }
                if (sentInWindow < limit) {
                    sentInWindow++;
                    return;
                }
                waitNanos = windowStart + intervalNanos - now;
            } finally {
                lock.unlock();
            }
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
