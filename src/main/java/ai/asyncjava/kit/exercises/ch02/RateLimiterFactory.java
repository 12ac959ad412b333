package ai.asyncjava.kit.exercises.ch02;

import java.time.Duration;

/**
 * Makes sliding-window {@link RateLimiter}s: a constructor reference such as
 * {@code SlidingWindowRateLimiter::new} is one.
 */
@FunctionalInterface
public interface RateLimiterFactory {

    /**
     * A new limiter that lets at most {@code limit} calls of {@link RateLimiter#acquire()}
     * return within any window of length {@code interval}. It starts empty: the first
     * {@code limit} calls return at once.
     *
     * @param limit    the most requests per window, 1 or more
     * @param interval the window's length, longer than zero
     */
    RateLimiter create(int limit, Duration interval);
}
