package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Mutant: takes a permit before submitting each call and gives it back only once it has read
 * that call's answer, which it does after submitting them all: with more requests than
 * permits, the submitting loop waits for a permit that only its own later loop would give back.
 */
public class ReleasesAfterTheAnswerFanOut implements BoundedFanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests, int maxInFlight) throws Exception {
        Semaphore permits = new Semaphore(maxInFlight);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (String request : requests) {
                permits.acquire();
                calls.add(executor.submit(() -> service.call(request)));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> call : calls) {
                answers.add(call.get());
                permits.release();
            }
            return answers;
        }
    }
}
