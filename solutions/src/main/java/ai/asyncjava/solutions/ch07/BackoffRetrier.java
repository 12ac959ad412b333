package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.exercises.ch07.Retrier;
import ai.asyncjava.kit.exercises.ch07.RetryPolicy;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exponential back-off with full jitter: before retry n a random wait between zero and
 * base × 2^(n-1) (capped), at least what a 429 asks for, within a cap on attempts and on time.
 */
public class BackoffRetrier implements Retrier {

    /** The API errors that may pass if asked again: time-outs, rate limits, the server's own trouble. */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(408, 429, 500, 502, 503, 504);

    /** A 429's message ends "Please retry in 12.3s.", the RetryInfo delay of its body. */
    private static final Pattern RETRY_IN = Pattern.compile("[Pp]lease retry in ([0-9]+(?:\\.[0-9]+)?)s");

    private final RetryPolicy policy;

    public BackoffRetrier(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public <T> T call(Callable<T> attempt) throws Exception {
        long budgetEnds = System.nanoTime() + policy.budget().toNanos();
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.call();
            } catch (Exception failure) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("stopped while calling: " + failure);
                }
                if (!mayPass(failure) || attempts == policy.maxAttempts()) {
                    throw failure;
                }
                long wait = waitBeforeRetry(attempts, failure);
                if (System.nanoTime() + wait > budgetEnds) {
                    throw failure; // the wait alone would outlast the budget
                }
                TimeUnit.NANOSECONDS.sleep(wait); // an interrupt ends it with InterruptedException
            }
        }
    }

    private static boolean mayPass(Exception failure) {
        if (failure instanceof ApiException api) {
            return RETRYABLE_CODES.contains(api.code());
        }
        return failure instanceof IOException || failure instanceof GenAiIOException; // broken or timed out
    }

    /** Full jitter: anywhere from zero to the ceiling, so clients that failed together spread out. */
    private long waitBeforeRetry(int retry, Exception failure) {
        long jittered = ThreadLocalRandom.current().nextLong(policy.ceiling(retry).toNanos() + 1);
        long askedFor = retryDelay(failure).map(Duration::toNanos).orElse(0L);
        return Math.max(jittered, askedFor);
    }

    /** The delay a 429 asks for, from the "Please retry in …s" of its message. */
    static Optional<Duration> retryDelay(Exception failure) {
        if (!(failure instanceof ApiException api) || api.code() != 429 || api.message() == null) {
            return Optional.empty();
        }
        Matcher delay = RETRY_IN.matcher(api.message());
        if (!delay.find()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.round(Double.parseDouble(delay.group(1)) * 1e9)));
    }
}
