package ai.asyncjava.solutions.ch07.mutants;

import ai.asyncjava.kit.exercises.ch07.Retrier;
import ai.asyncjava.kit.exercises.ch07.RetryPolicy;
import com.google.genai.errors.ApiException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mutants of the retrier: the reference's design with one learner's mistake switched on. */
public class FlawedRetrier implements Retrier {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Never tries again. */
        NO_RETRY,
        /** Retries 5xx only, not a 429. */
        RETRIES_ONLY_5XX,
        /** Retries every failure, a 400 included. */
        RETRIES_EVERYTHING,
        /** Makes maxAttempts retries after the first try: one too many. */
        ONE_ATTEMPT_TOO_MANY,
        /** Throws its own exception when it gives up, with the last failure as its cause. */
        WRAPS_THE_FAILURE,
        /** Waits exactly the ceiling: clients that failed together come back together. */
        NO_JITTER,
        /** Waits a random time under the base delay every time: no back-off. */
        NO_BACKOFF,
        /** Adds the jitter on top of the ceiling. */
        JITTER_ON_TOP,
        /** Never reads a 429's RetryInfo delay. */
        IGNORES_RETRY_INFO,
        /** Knows no time budget: only maxAttempts stops it. */
        IGNORES_BUDGET,
        /** Carries on when interrupted in a wait. */
        SWALLOWS_INTERRUPT,
    }

    private static final Pattern RETRY_IN = Pattern.compile("retry in ([0-9]+(?:\\.[0-9]+)?)s");

    private final RetryPolicy policy;
    private final Flaw flaw;

    public FlawedRetrier(RetryPolicy policy, Flaw flaw) {
        this.policy = policy;
        this.flaw = flaw;
    }

    @Override
    public <T> T call(Callable<T> attempt) throws Exception {
        long budgetEnds = System.nanoTime() + policy.budget().toNanos();
        int attempts = flaw == Flaw.ONE_ATTEMPT_TOO_MANY ? policy.maxAttempts() + 1 : policy.maxAttempts();
        for (int n = 1; ; n++) {
            try {
                return attempt.call();
            } catch (Exception failure) {
                if (!mayPass(failure) || n >= attempts || flaw == Flaw.NO_RETRY) {
                    throw flaw == Flaw.WRAPS_THE_FAILURE ? new IllegalStateException("gave up", failure) : failure;
                }
                long wait = waitBefore(n, failure);
                if (flaw != Flaw.IGNORES_BUDGET && System.nanoTime() + wait > budgetEnds) {
                    throw flaw == Flaw.WRAPS_THE_FAILURE ? new IllegalStateException("gave up", failure) : failure;
                }
                sleep(wait);
            }
        }
    }

    private boolean mayPass(Exception failure) {
        if (!(failure instanceof ApiException api)) {
            return false;
        }
        return switch (flaw) {
            case RETRIES_EVERYTHING -> true;
            case RETRIES_ONLY_5XX -> api.code() >= 500;
            default -> api.code() == 408 || api.code() == 429 || api.code() >= 500;
        };
    }

    private long waitBefore(int retry, Exception failure) {
        long ceiling = policy.ceiling(retry).toNanos();
        long wait = switch (flaw) {
            case NO_JITTER -> ceiling;
            case NO_BACKOFF -> ThreadLocalRandom.current().nextLong(policy.baseDelay().toNanos() + 1);
            case JITTER_ON_TOP -> ceiling + ThreadLocalRandom.current().nextLong(ceiling + 1);
            default -> ThreadLocalRandom.current().nextLong(ceiling + 1);
        };
        if (flaw != Flaw.IGNORES_RETRY_INFO && failure instanceof ApiException api && api.code() == 429
                && api.message() != null) {
            Matcher delay = RETRY_IN.matcher(api.message());
            if (delay.find()) {
                wait = Math.max(wait, Duration.ofNanos(Math.round(Double.parseDouble(delay.group(1)) * 1e9)).toNanos());
            }
        }
        return wait;
    }

    private void sleep(long nanos) throws InterruptedException {
        if (flaw != Flaw.SWALLOWS_INTERRUPT) {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return;
        }
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            try {
                TimeUnit.NANOSECONDS.sleep(until - System.nanoTime());
            } catch (InterruptedException ignored) {
                // waits on regardless
            }
        }
    }
}
