package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.SlowService;
import ai.asyncjava.kit.exercises.ch00.TimeoutCall;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Mutant: {@code CompletableFuture.orTimeout}, then {@code cancel(true)} on the future. The
 * caller gets its TimeoutException in time, but cancelling a CompletableFuture does not
 * interrupt the thread running the call, so the call runs on.
 */
public class OrTimeoutTimeoutCall implements TimeoutCall {

    @Override
    public String callWithTimeout(SlowService service, String request, Duration timeout) throws Exception {
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
            try {
                return service.call(request);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }).orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return call.join();
        } catch (CompletionException failed) {
            call.cancel(true);
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }
}
