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

    /** Step 2: the sliding-window limiter. */
    public static final Exercise SLIDING_WINDOW =
            new Exercise("Step 2, SlidingWindowRateLimiter: a sliding-window rate limiter", SlidingWindowChecks.class);

    /** Step 3: many model calls at once, under the quota, through the step 2 limiter. */
    public static final Exercise LIMITED_CALLS =
            new Exercise("Step 3, LimitedGeminiFanOut: 15 model calls under a quota of 5 per 500 ms",
                    RateLimitedFanOutChecks.class);

    /** Going further: the token bucket. */
    public static final Exercise TOKEN_BUCKET =
            new Exercise("Going further 1, TokenBucketRateLimiter: bursts, then a steady rate", TokenBucketChecks.class);

    /** Going further: the FIFO limiter with no waiting threads. */
    public static final Exercise FIFO =
            new Exercise("Going further 2, FifoRateLimiter: first come, first served, no waiting threads",
                    FifoRateLimiterChecks.class);

    private Chapter02() {}

    /** Checks a sliding-window {@code RateLimiter}; {@code factory} makes a fresh one for every check. */
    public static CheckReport checkSlidingWindow(RateLimiterFactory factory) {
        return SLIDING_WINDOW.check(factory);
    }

    /**
     * What step 3's checks need: the learner's limiter (step 2) and their fan-out.
     *
     * @param limiters makes the sliding-window limiter to use
     * @param fanOuts  makes the {@link RateLimitedFanOut} under test
     */
    public record LimitedCalls(RateLimiterFactory limiters, Supplier<? extends RateLimitedFanOut> fanOuts) {}

    /**
     * Checks a {@link RateLimitedFanOut} that uses a limiter from {@code limiters} against a
     * Gemini simulator with a quota, and a client that does not retry.
     */
    public static CheckReport checkRateLimitedCalls(RateLimiterFactory limiters,
                                                    Supplier<? extends RateLimitedFanOut> fanOuts) {
        return LIMITED_CALLS.check(new LimitedCalls(limiters, fanOuts));
    }

    /** Checks a token-bucket {@code RateLimiter}; {@code factory} makes a fresh one for every check. */
    public static CheckReport checkTokenBucket(TokenBucketFactory factory) {
        return TOKEN_BUCKET.check(factory);
    }

    /** Checks an {@code AsyncRateLimiter}; {@code factory} makes a fresh one for every check, and the check closes it. */
    public static CheckReport checkFifo(AsyncRateLimiterFactory factory) {
        return FIFO.check(factory);
    }
}
