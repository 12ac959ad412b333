package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.SlowService;
import ai.asyncjava.kit.exercises.ch00.TimeoutCall;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/** Mutant: sleeps for the whole timeout, then looks whether the answer is there, so even quick answers wait. */
public class SleepsOutTheTimeoutCall implements TimeoutCall {

    @Override
    public String callWithTimeout(SlowService service, String request, Duration timeout) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> call = executor.submit(() -> service.call(request));
            Thread.sleep(timeout);
            if (call.isDone()) {
                return call.get();
            }
            call.cancel(true);
            throw new TimeoutException();
        }
    }
}
