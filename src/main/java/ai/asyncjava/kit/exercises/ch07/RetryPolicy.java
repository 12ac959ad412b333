package ai.asyncjava.kit.exercises.ch07;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a {@link Retrier} tries: at most {@code maxAttempts} attempts, the n-th retry after a
 * random wait of up to {@code baseDelay × 2^(n-1)} but never more than {@code maxDelay} ("full
 * jitter"), and nothing started once {@code budget} has passed since the first attempt.
 *
 * @param maxAttempts the most attempts, the first included; 1 means no retry
 * @param baseDelay   the ceiling of the first retry's wait
 * @param maxDelay    the ceiling of any one wait
 * @param budget      the time from the first attempt after which no attempt or wait starts
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration budget) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy allows at least 1 attempt, not " + maxAttempts);
        }
        for (Duration d : new Duration[] {baseDelay, maxDelay, budget}) {
            Objects.requireNonNull(d, "a retry policy needs its base delay, its longest delay and its budget");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a retry policy's delays and budget are longer than zero, not " + d);
            }
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("the longest delay (" + maxDelay + ") is shorter than the base delay ("
                    + baseDelay + ")");
        }
    }

    /** The ceiling of the wait before retry {@code n} (1 for the first retry): base × 2^(n-1), capped. */
    public Duration ceiling(int n) {
        long base = baseDelay.toNanos();
        long ceiling = n - 1 >= 62 || base > (Long.MAX_VALUE >> (n - 1)) ? Long.MAX_VALUE : base << (n - 1);
        return Duration.ofNanos(Math.min(ceiling, maxDelay.toNanos()));
    }
}
