package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.SlowService;
import ai.asyncjava.kit.exercises.ch00.TimeoutCall;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Mutant: makes the call, and only once it has ended throws TimeoutException if it took too long. */
public class WaitsForTheAnswerTimeoutCall implements TimeoutCall {

    @Override
    public String callWithTimeout(SlowService service, String request, Duration timeout) throws Exception {
        long start = System.nanoTime();
        String answer = service.call(request);
        if (System.nanoTime() - start > timeout.toNanos()) {
            throw new TimeoutException();
        }
        return answer;
    }
}
