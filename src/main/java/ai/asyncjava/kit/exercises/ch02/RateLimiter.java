package ai.asyncjava.kit.exercises.ch02;

/**
 * Chapter 02: a gate in front of a rate-limited API. Every caller calls {@link #acquire()}
 * right before it sends a request; {@code acquire()} returns when the request may go.
 *
 * <p>The sliding-window contract ({@link RateLimiterFactory}): for a limiter made with
 * {@code (limit, interval)}, at most {@code limit} calls of {@code acquire()} return within
 * any stretch of time of length {@code interval}, wherever that stretch starts. A call that
 * would break this waits, and returns as soon as it no longer would: no sooner, and not much
 * later. The token-bucket contract is in {@link TokenBucketFactory}.
 *
 * <p>Any number of threads may call {@code acquire()} at the same time. Waiting must not use
 * the processor (no polling loop), and a waiting thread that is interrupted must stop waiting
 * at once and throw {@link InterruptedException}, without using up a slot.
 */
@FunctionalInterface
public interface RateLimiter {

    /**
     * Waits until one more request fits under the limit, and counts it.
     *
     * @throws InterruptedException when the calling thread is interrupted while it waits (or
     *                              was interrupted before it had to wait); the request is
     *                              then not counted
     */
    void acquire() throws InterruptedException;
}
