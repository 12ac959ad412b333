package ai.asyncjava.kit.exercises.ch00;

import java.util.List;

/**
 * Chapter 00, step 2: many slow calls at once, but never more than a given number in flight,
 * the Java counterpart of {@code asyncio.gather} over calls guarded by an
 * {@code asyncio.Semaphore}. This is how an application stays within what a model API (or
 * its own connection pool) can take while still overlapping the waits.
 */
public interface BoundedFanOut {

    /**
     * Calls {@code service} once per request and returns the answers in the order of
     * {@code requests}. At no moment are more than {@code maxInFlight} calls in flight; and
     * while requests are waiting, a call that ends makes room for the next one at once, so
     * that {@code maxInFlight} calls are kept going until the work runs out. A call that
     * fails frees its place like any other.
     *
     * @param maxInFlight the most calls in flight at the same time; at least 1
     * @throws Exception when any call fails; by then no call of this method is still running
     */
    List<String> callAll(SlowService service, List<String> requests, int maxInFlight) throws Exception;
}
