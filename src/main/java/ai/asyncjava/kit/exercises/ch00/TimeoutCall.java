package ai.asyncjava.kit.exercises.ch00;

import java.time.Duration;

/**
 * Chapter 00, step 3: give one slow call a deadline, the Java counterpart of
 * {@code asyncio.wait_for}. A model call that hangs must not hang the request that made it.
 */
public interface TimeoutCall {

    /**
     * Calls {@code service} with {@code request} and returns its answer, if the answer comes
     * within {@code timeout} of this method being called.
     *
     * <p>Otherwise it stops the call, by interrupting the thread that runs it, and throws
     * {@link java.util.concurrent.TimeoutException}; by the time it throws, nothing it
     * started is still running (or it ends a moment later, once the interrupt lands).
     *
     * @throws java.util.concurrent.TimeoutException when the answer does not come in time
     * @throws Exception when the call itself fails in time: that failure, or an exception
     *                   whose cause is that failure, and never a {@code TimeoutException}
     */
    String callWithTimeout(SlowService service, String request, Duration timeout) throws Exception;
}
