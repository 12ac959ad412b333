package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiter;
import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiterFactory;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import ai.asyncjava.kit.exercises.ch02.RateLimiterFactory;
import ai.asyncjava.kit.exercises.ch02.TokenBucketFactory;

/**
 * Makes the learner's limiters (failing clearly on a null), and says in words when a rule was
 * broken, so every check's message reads the same way (counts and durations in {@link Wording}'s words).
 */
final class Limits {

    private Limits() {}

    static RateLimiter slidingWindow(RateLimiterFactory factory, Rule.Window rule) {
        return notNull(factory.create(rule.limit(), rule.interval()), rule);
    }

    static RateLimiter tokenBucket(TokenBucketFactory factory, Rule.Bucket rule) {
        return notNull(factory.create(rule.capacity(), rule.tokensPerSecond()), rule);
    }

    static AsyncRateLimiter fifo(AsyncRateLimiterFactory factory, Rule.Window rule) {
        return notNull(factory.create(rule.limit(), rule.interval()), rule);
    }

    private static <T> T notNull(T limiter, Rule rule) {
        if (limiter == null) {
            fail("Your factory returned null when asked for a limiter where " + rule.describe()
                    + "; it must return a new limiter.");
        }
        return limiter;
    }

    /** "(the check allows 60 ms for a busy machine)". */
    static String allowing(Tolerances.Allowance allowance) {
        return "(the check allows " + Wording.duration(allowance.get()) + " for a busy machine)";
    }

    /**
     * Fails when the last of {@code count} admissions came later than the rule's best time
     * allows (with {@link Tolerances.Ch02#LATE} to spare).
     */
    static void assertInBestTime(Admissions admissions, Rule rule, int count, String wentThrough, String advice) {
        assertInBestTime(admissions, rule, count, wentThrough, advice, Tolerances.Ch02.LATE);
    }

    /** {@link #assertInBestTime(Admissions, Rule, int, String, String)}, allowing {@code late} over the best time. */
    static void assertInBestTime(Admissions admissions, Rule rule, int count, String wentThrough, String advice,
                                 Tolerances.Allowance late) {
        long took = admissions.last() - admissions.origin();
        long best = rule.bestTimeNanos(count);
        long allowed = best + late.nanos();
        if (took > allowed) {
            fail("The last of " + count + " " + wentThrough + " after " + Wording.nanos(took) + "; " + rule.describe()
                    + ", so all can go within " + Wording.nanos(best) + " (the check allows " + Wording.nanos(allowed) + "). " + advice);
        }
    }

    /** "within 186 ms, from 217 ms to 402 ms after the start", or "at the same moment, 250 ms after the start". */
    static String when(Admissions admissions, Admissions.Crowd crowd) {
        long from = admissions.msAfterStart(crowd.from());
        if (crowd.spanNanos() < 1_000_000) {
            return "at the same moment, " + from + " ms after the start";
        }
        return "within " + Wording.nanos(crowd.spanNanos()) + ", from " + from + " ms to " + admissions.msAfterStart(crowd.to())
                + " ms after the start";
    }
}
