package ai.asyncjava.kit.exercises.ch02;

/**
 * Makes token-bucket {@link RateLimiter}s: a constructor reference such as
 * {@code TokenBucketRateLimiter::new} is one.
 *
 * <p>A token bucket holds up to {@code capacity} tokens and gains {@code tokensPerSecond}
 * tokens a second, continuously (half a token after half the time of a whole one), never
 * holding more than {@code capacity}. Each {@link RateLimiter#acquire()} takes one token,
 * waiting until there is a whole one. So a bucket allows a burst of up to {@code capacity}
 * requests at once, and after that a steady {@code tokensPerSecond}: in any stretch of
 * {@code t} seconds at most {@code capacity + tokensPerSecond × t} calls return.
 */
@FunctionalInterface
public interface TokenBucketFactory {

    /**
     * A new bucket, full: its first {@code capacity} calls return at once.
     *
     * @param capacity        the most tokens the bucket holds, the largest burst; 1 or more
     * @param tokensPerSecond how fast tokens come back; more than zero
     */
    RateLimiter create(int capacity, double tokensPerSecond);
}
