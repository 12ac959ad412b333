package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import java.time.Duration;
import java.util.Locale;

/** What a limiter promises: in words for messages, and as a test of the moments it let requests through. */
sealed interface Rule {

    /** "the limit is 5 per 250 ms". */
    String describe();

    /**
     * Fails when the moments break the rule, by more than {@link Tolerances.Ch02#ADMISSION_EARLY}
     * allows; {@code context} begins the message ("With 200 threads calling at once, ").
     */
    void assertKept(Admissions admissions, String context);

    /** How long a fresh limiter needs, at best, to let {@code requests} requests called at once through. */
    long bestTimeNanos(int requests);

    /** At most {@code limit} requests in any window of length {@code interval}. */
    record Window(int limit, Duration interval) implements Rule {

        @Override
        public String describe() {
            return "the limit is " + limit + " per " + Wording.duration(interval);
        }

        @Override
        public void assertKept(Admissions admissions, String context) {
            Admissions.Crowd crowd = admissions.busiest(interval.toNanos() - Tolerances.Ch02.ADMISSION_EARLY.nanos());
            if (crowd.count() > limit) {
                fail(context + crowd.count() + " requests were let through " + Limits.when(admissions, crowd) + "; "
                        + describe() + " " + Limits.allowing(Tolerances.Ch02.ADMISSION_EARLY) + ".");
            }
        }

        @Override
        public long bestTimeNanos(int requests) {
            return (requests - 1) / limit * interval.toNanos();
        }
    }

    /** A bucket of {@code capacity} tokens that gains {@code tokensPerSecond}: at most capacity + rate × t in any t. */
    record Bucket(int capacity, double tokensPerSecond) implements Rule {

        @Override
        public String describe() {
            return "the bucket holds " + Wording.count(capacity, "token") + " and gains "
                    + rate();
        }

        @Override
        public void assertKept(Admissions admissions, String context) {
            long[] moments = admissions.sorted();
            for (int i = 0; i < moments.length; i++) {
                for (int j = moments.length - 1; j > i; j--) {
                    long span = moments[j] - moments[i];
                    int count = j - i + 1;
                    double allowed = capacity + tokensPerSecond * (span + Tolerances.Ch02.ADMISSION_EARLY.nanos()) / 1e9;
                    if (count > Math.floor(allowed + 1e-9)) {
                        long fair = (long) Math.floor(capacity + tokensPerSecond * span / 1e9);
                        fail(context + count + " requests were let through "
                                + Limits.when(admissions, new Admissions.Crowd(count, moments[i], moments[j])) + "; "
                                + describe() + ", so at most " + fair + " may go in that time "
                                + Limits.allowing(Tolerances.Ch02.ADMISSION_EARLY) + ".");
                    }
                }
            }
        }

        /** "10 tokens a second". */
        private String rate() {
            return (tokensPerSecond == Math.rint(tokensPerSecond)
                    ? String.valueOf((long) tokensPerSecond)
                    : String.format(Locale.ROOT, "%.2f", tokensPerSecond)) + (tokensPerSecond == 1 ? " token" : " tokens")
                    + " a second";
        }

        @Override
        public long bestTimeNanos(int requests) {
            return Math.round(Math.max(0, requests - capacity) / tokensPerSecond * 1e9);
        }
    }
}
