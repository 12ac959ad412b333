package ai.asyncjava.solutions.ch02.mutants;

import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Mutant: spaces every request interval / limit apart, so it never bursts and takes 3 intervals for 3 × limit. */
public class PacedRateLimiter implements RateLimiter {

    private final long spacingNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private long nextFree = System.nanoTime();

    public PacedRateLimiter(int limit, Duration interval) {
        this.spacingNanos = interval.toNanos() / limit;
    }

    @Override
    public void acquire() throws InterruptedException {
        long sendAt;
        lock.lock();
        try {
            sendAt = Math.max(System.nanoTime(), nextFree);
            nextFree = sendAt + spacingNanos;
        } finally {
            lock.unlock();
        }
        long waitNanos = sendAt - System.nanoTime();
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
