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

/** Mutant: reports any failure of the call as a timeout, so the caller never learns what went wrong. */
public class EveryFailureIsATimeoutCall implements TimeoutCall {

    @Override
    public String callWithTimeout(SlowService service, String request, Duration timeout) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> call = executor.submit(() -> service.call(request));
            try {
                return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                call.cancel(true);
                throw new TimeoutException("the call did not answer in time");
            }
        }
    }
}
