package ai.asyncjava.kit.exercises.ch02;

import java.time.Duration;

/**
 * Makes {@link AsyncRateLimiter}s: a constructor reference such as {@code FifoRateLimiter::new}
 * is one.
 */
@FunctionalInterface
public interface AsyncRateLimiterFactory {

    /**
     * A new limiter whose futures complete at most {@code limit} times within any window of
     * length {@code interval}, in the order they were asked for. It starts empty.
     *
     * @param limit    the most requests per window, 1 or more
     * @param interval the window's length, longer than zero
     */
    AsyncRateLimiter create(int limit, Duration interval);
}
