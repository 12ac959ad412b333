package ai.asyncjava.solutions.ch02.mutants;

import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import java.util.concurrent.locks.ReentrantLock;

/** What the token-bucket mutants share with the reference: its state and refill. Each mutant's {@code acquire()} or refill holds its bug. */
abstract class BucketMutant implements RateLimiter {

    protected final int capacity;
    protected final double tokensPerNano;
    protected final ReentrantLock lock = new ReentrantLock();
    protected double tokens;
    protected long refilledAt = System.nanoTime();

    protected BucketMutant(int capacity, double tokensPerSecond) {
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / 1e9;
        this.tokens = capacity;
    }

    protected void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
    }

    /** The reference's step: takes a token and returns 0, or returns how long until there is a whole one. */
    protected long takeTokenOrTimeToWait() {
        lock.lock();
        try {
            refill(System.nanoTime());
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
        } finally {
            lock.unlock();
        }
    }

    /** The reference's loop around {@link #takeTokenOrTimeToWait()}. */
    protected void sleepUntilATokenIsTaken() throws InterruptedException {
        long waitNanos;
        while ((waitNanos = takeTokenOrTimeToWait()) > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
