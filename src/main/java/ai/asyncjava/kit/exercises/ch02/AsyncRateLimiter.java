package ai.asyncjava.kit.exercises.ch02;

import java.util.concurrent.CompletableFuture;

/**
 * Chapter 02, going further: a sliding-window limiter that keeps no thread waiting. Instead of
 * blocking, {@link #acquire()} hands back a future that completes when the request may go;
 * the caller chains the request onto it, or blocks on it in a virtual thread.
 *
 * <p>The contract of {@link RateLimiterFactory} holds, counted at the moments the futures
 * complete: at most {@code limit} of them complete within any window of length
 * {@code interval}. Besides:
 * <ul>
 *   <li><b>first come, first served:</b> futures complete in the order {@code acquire()} was
 *       called;</li>
 *   <li><b>no busy waiting:</b> {@code acquire()} returns at once, and nothing polls; the
 *       limiter's own timer (for example a {@code ScheduledExecutorService}) completes the
 *       next future when a slot frees up;</li>
 *   <li><b>cancelling gives the slot away:</b> a caller that stops waiting cancels its future
 *       ({@code future.cancel(false)}); the slot it would have had goes to the next caller in
 *       line, with no time lost;</li>
 *   <li><b>close:</b> {@link #close()} stops the limiter's timer thread; futures still
 *       waiting then may never complete.</li>
 * </ul>
 *
 * <p>A future may complete on the limiter's timer thread, and dependent actions attached with
 * {@code thenRun} and the like then run on that thread. Attach slow work (such as a model
 * call) with the {@code ...Async} variants, or wait with {@code join()} in a virtual thread.
 */
public interface AsyncRateLimiter extends AutoCloseable {

    /**
     * A future that completes (with {@code null}) when this request may go; already complete
     * when it may go now. Never blocks.
     */
    CompletableFuture<Void> acquire();

    /** Stops the limiter's timer thread; no exception. */
    @Override
    void close();
}
