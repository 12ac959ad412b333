package ai.asyncjava.kit.exercises.ch07;

import java.util.concurrent.Callable;

/**
 * Chapter 07: a call tried again when it fails for a reason that may pass. Made from a
 * {@link RetryPolicy} ({@code BackoffRetrier::new}).
 *
 * <p>The contract of {@link #call}:
 * <ul>
 *   <li>it retries only what may pass: an API error with HTTP code 408, 429, 500, 502, 503 or 504
 *       (the SDK's {@code ApiException#code()}), and a connection that broke or timed out (an
 *       {@code IOException}, or the SDK's {@code GenAiIOException}); anything else, a 400 above all,
 *       is thrown at once, itself;</li>
 *   <li>before retry n it waits a random time between zero and {@link RetryPolicy#ceiling(int)
 *       ceiling(n)} ("full jitter", so clients that failed together do not come back together);
 *       after a 429 whose body carries a {@code RetryInfo} delay it waits at least that long;</li>
 *   <li>it makes at most {@code maxAttempts} attempts; it starts no attempt once the budget has
 *       passed since the first began, and no wait that would end after it; when it gives up it
 *       throws the last attempt's exception;</li>
 *   <li>an interrupt ends it at once with {@link InterruptedException}, waiting or calling: an
 *       interrupted caller wants to stop, not to try again.</li>
 * </ul>
 */
public interface Retrier {

    /** The attempt's value, from the first attempt that succeeds. */
    <T> T call(Callable<T> attempt) throws Exception;
}
