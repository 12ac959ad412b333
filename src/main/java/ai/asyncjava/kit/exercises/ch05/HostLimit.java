package ai.asyncjava.kit.exercises.ch05;

import ai.asyncjava.kit.exercises.ch02.RateLimiterFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * How hard a polite crawler may hit each host: at most {@code requests} requests per
 * {@code window} to any one host ({@code robots.txt} counts), kept by one limiter per host made
 * with {@code limiters.create(requests, window)}: chapter 02's sliding-window limiter.
 *
 * @param requests the most requests to one host in any window, 1 or more
 * @param window   the window's length
 * @param limiters makes each host's limiter
 */
public record HostLimit(int requests, Duration window, RateLimiterFactory limiters) {

    public HostLimit {
        if (requests < 1) {
            throw new IllegalArgumentException("a host limit allows at least 1 request per window, not " + requests);
        }
        Objects.requireNonNull(window, "a host limit needs its window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a host limit's window must be longer than zero, not " + window);
        }
        Objects.requireNonNull(limiters, "a host limit needs a limiter factory, such as SlidingWindowRateLimiter::new");
    }
}
