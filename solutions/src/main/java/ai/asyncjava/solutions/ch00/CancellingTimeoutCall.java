package ai.asyncjava.solutions.ch00;

import ai.asyncjava.kit.exercises.ch00.SlowService;
import ai.asyncjava.kit.exercises.ch00.TimeoutCall;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the call on a virtual thread and waits for its {@link Future} with a deadline. On
 * timeout, {@code cancel(true)} interrupts that thread, which is what really stops a blocking
 * call; cancelling a {@code CompletableFuture} would not.
 */
public class CancellingTimeoutCall implements TimeoutCall {

    @Override
    public String callWithTimeout(SlowService service, String request, Duration timeout) throws Exception {
        // Closing the executor waits for the call's thread, so nothing outlives this method.
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> call = executor.submit(() -> service.call(request));
            try {
                // Nanoseconds: a Duration of 300 ms must not be rounded down to 0 seconds.
                return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                // Interrupts the thread: the blocking call inside throws InterruptedException and ends.
                call.cancel(true);
                throw new TimeoutException("no answer to \"" + request + "\" within " + timeout.toMillis() + " ms");
            } catch (ExecutionException failed) {
                // The call's own failure, unwrapped: the caller sees what went wrong, not a wrapper.
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            }
        }
    }
}
