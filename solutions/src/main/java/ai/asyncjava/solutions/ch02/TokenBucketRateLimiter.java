package ai.asyncjava.solutions.ch02;

import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket: up to {@code capacity} tokens, refilled continuously at
 * {@code tokensPerSecond}; each request takes one. Bursts up to the capacity, then the rate.
 */
public class TokenBucketRateLimiter implements RateLimiter {

    private final int capacity;
    private final double tokensPerNano;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock. Tokens are fractional: the refill is continuous, not one at a time.
    private double tokens;
    private long refilledAt = System.nanoTime();

    public TokenBucketRateLimiter(int capacity, double tokensPerSecond) {
        if (capacity < 1 || !(tokensPerSecond > 0)) {
            throw new IllegalArgumentException("need a capacity of 1 or more and a positive rate");
        }
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / 1e9;
        this.tokens = capacity; // a new bucket is full
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            lock.lock();
            try {
                refill(System.nanoTime());
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                // How long until the bucket holds one whole token.
                waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
            } finally {
                lock.unlock();
            }
            // As in the sliding window: sleep without the lock, then check again.
            TimeUnit.NANOSECONDS.sleep(Math.max(1, waitNanos));
        }
    }

    /** Adds the tokens earned since the last refill; a full bucket earns nothing. */
    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
    }
}
