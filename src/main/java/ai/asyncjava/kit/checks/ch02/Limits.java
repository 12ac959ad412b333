package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiter;
import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiterFactory;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import ai.asyncjava.kit.exercises.ch02.RateLimiterFactory;
import ai.asyncjava.kit.exercises.ch02.TokenBucketFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Makes the learner's limiters (failing clearly on a null), and says in words what rule a
 * limiter must keep and what went wrong, so every check's message reads the same way.
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

    /** "10 tokens a second". */
    static String rate(double tokensPerSecond) {
        return (tokensPerSecond == Math.rint(tokensPerSecond)
                ? String.valueOf((long) tokensPerSecond)
                : String.format(Locale.ROOT, "%.2f", tokensPerSecond)) + (tokensPerSecond == 1 ? " token" : " tokens")
                + " a second";
    }

    /** "300 ms", "1.5 s". */
    static String human(Duration duration) {
        return ms(duration.toNanos());
    }

    /** A span of nanoseconds in words: "45 ms", "1.5 s". */
    static String ms(long nanos) {
        long millis = Math.round(nanos / 1e6);
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** "(the check allows 45 ms for a busy machine)". */
    static String allowing(long toleranceNanos) {
        return "(the check allows " + ms(toleranceNanos) + " for a busy machine)";
    }

    /** "1st", "2nd", "11th". */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /**
     * Fails when the last of {@code count} admissions came later than the rule's best time
     * allows (with {@link BlockingProbes#LATE_NANOS} to spare).
     */
    static void assertInBestTime(Admissions admissions, Rule rule, int count, String wentThrough, String advice) {
        assertInBestTime(admissions, rule, count, wentThrough, advice, BlockingProbes.LATE_NANOS);
    }

    /** {@link #assertInBestTime(Admissions, Rule, int, String, String)}, allowing {@code lateNanos} over the best time. */
    static void assertInBestTime(Admissions admissions, Rule rule, int count, String wentThrough, String advice,
                                 long lateNanos) {
        long took = admissions.last() - admissions.origin();
        long best = rule.bestTimeNanos(count);
        long allowed = best + lateNanos;
        if (took > allowed) {
            fail("The last of " + count + " " + wentThrough + " after " + ms(took) + "; " + rule.describe()
                    + ", so all can go within " + ms(best) + " (the check allows " + ms(allowed) + "). " + advice);
        }
    }

    /** "within 186 ms, from 217 ms to 402 ms after the start", or "at the same moment, 250 ms after the start". */
    static String when(Admissions admissions, Admissions.Crowd crowd) {
        long from = admissions.msAfterStart(crowd.from());
        if (crowd.spanNanos() < 1_000_000) {
            return "at the same moment, " + from + " ms after the start";
        }
        return "within " + ms(crowd.spanNanos()) + ", from " + from + " ms to " + admissions.msAfterStart(crowd.to())
                + " ms after the start";
    }
}
