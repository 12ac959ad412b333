package ai.asyncjava.kit.checks.ch02;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiterFactory;
import ai.asyncjava.kit.exercises.ch02.RateLimitedFanOut;
import ai.asyncjava.kit.exercises.ch02.RateLimiterFactory;
import ai.asyncjava.kit.exercises.ch02.TokenBucketFactory;
import java.util.function.Supplier;

/**
 * The checks of chapter 02, one method per exercise. A notebook's check cell is one call,
 * left as the cell's last expression so the report shows:
 *
 * <pre>{@code Chapter02.checkSlidingWindow(SlidingWindowRateLimiter::new)}</pre>
 */
public final class Chapter02 {

    /** Step 1: the sliding-window limiter. */
    public static final Exercise SLIDING_WINDOW =
            new Exercise("Step 1, SlidingWindowRateLimiter: a sliding-window rate limiter", SlidingWindowChecks.class);

    private Chapter02() {}

    /** Checks a sliding-window {@code RateLimiter}; {@code factory} makes a fresh one for every check. */
    public static CheckReport checkSlidingWindow(RateLimiterFactory factory) {
        return SLIDING_WINDOW.check(factory);
    }
}
