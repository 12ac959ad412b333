package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.SlowService;
import ai.asyncjava.kit.exercises.ch00.TimeoutCall;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Mutant: passes the timeout in whole seconds, so 300 ms becomes 0 s and every call times out at once. */
public class WholeSecondsTimeoutCall implements TimeoutCall {

    @Override
    public String callWithTimeout(SlowService service, String request, Duration timeout) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> call = executor.submit(() -> service.call(request));
            try {
                return call.get(timeout.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException late) {
                call.cancel(true);
                throw late;
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof Exception cause ? cause : failed;
            }
        }
    }
}
