package ai.asyncjava.kit.checks.ch02;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The moments a limiter let requests through, as the check saw them: {@link System#nanoTime()}
 * read right after {@code acquire()} returned (or a future completed). Reading the clock on the
 * check's side can only make a moment look later than it was, so the checks allow a little
 * ({@link ai.asyncjava.kit.checks.Tolerances.Ch02#ADMISSION_EARLY}) before they call two moments too close. Thread-safe.
 */
final class Admissions {

    /**
     * The most admissions found within a stretch of time.
     *
     * @param count how many
     * @param from  the first of them ({@code System.nanoTime()})
     * @param to    the last of them
     */
    record Crowd(int count, long from, long to) {
        long spanNanos() {
            return to - from;
        }
    }

    private final long origin;
    private final ConcurrentLinkedQueue<Long> moments = new ConcurrentLinkedQueue<>();

    /** @param origin the moment the check started ({@code System.nanoTime()}); messages count from it */
    Admissions(long origin) {
        this.origin = origin;
    }

    long origin() {
        return origin;
    }

    /** Records that a request was let through now; returns the moment. */
    long record() {
        long now = System.nanoTime();
        moments.add(now);
        return now;
    }

    int count() {
        return moments.size();
    }

    /** Every moment, earliest first. */
    long[] sorted() {
        long[] all = moments.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(all);
        return all;
    }

    /** The latest moment, or the origin when nothing went through. */
    long last() {
        long[] all = sorted();
        return all.length == 0 ? origin : all[all.length - 1];
    }

    /** The most admissions within any stretch of time shorter than {@code stretchNanos}. */
    Crowd busiest(long stretchNanos) {
        long[] all = sorted();
        Crowd most = new Crowd(0, origin, origin);
        int end = 0;
        for (int start = 0; start < all.length; start++) {
            while (end < all.length && all[end] - all[start] < stretchNanos) {
                end++;
            }
            if (end - start > most.count()) {
                most = new Crowd(end - start, all[start], all[end - 1]);
            }
        }
        return most;
    }

    /** Milliseconds from the origin to {@code moment}, for messages. */
    long msAfterStart(long moment) {
        return Math.round((moment - origin) / 1e6);
    }
}
