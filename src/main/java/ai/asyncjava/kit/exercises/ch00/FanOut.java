package ai.asyncjava.kit.exercises.ch00;

import java.util.List;

/**
 * Chapter 00, step 1: send many requests to a slow service at the same time instead of one
 * after another, the Java counterpart of {@code asyncio.gather}.
 */
public interface FanOut {

    /**
     * Calls {@code service} once per request, with all calls in flight at the same time,
     * and returns the answers in the order of {@code requests}.
     *
     * @throws Exception when any call fails; by then no call of this method is still running
     */
    List<String> callAll(SlowService service, List<String> requests) throws Exception;
}
