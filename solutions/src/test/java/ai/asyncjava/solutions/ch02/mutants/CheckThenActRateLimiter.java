package ai.asyncjava.solutions.ch02.mutants;

import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/** Mutant: a thread-safe deque but no lock, so "is there room?" and "take it" can interleave between threads. */
public class CheckThenActRateLimiter implements RateLimiter {

    private final int limit;
    private final long intervalNanos;
    private final Deque<Long> sendTimes = new ConcurrentLinkedDeque<>();

    public CheckThenActRateLimiter(int limit, Duration interval) {
        this.limit = limit;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            Long oldest;
            while ((oldest = sendTimes.peekFirst()) != null && oldest <= now - intervalNanos) {
                sendTimes.pollFirst();
            }
            if (sendTimes.size() < limit) {
                sendTimes.addLast(now);
                return;
            }
            oldest = sendTimes.peekFirst();
            TimeUnit.NANOSECONDS.sleep(oldest == null ? 1 : Math.max(1, oldest + intervalNanos - now));
        }
    }
}
