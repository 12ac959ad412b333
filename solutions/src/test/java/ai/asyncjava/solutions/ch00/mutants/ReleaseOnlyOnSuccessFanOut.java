package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Mutant: releases the permit after the call, not in a finally block, so a failed call keeps it for good. */
public class ReleaseOnlyOnSuccessFanOut implements BoundedFanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests, int maxInFlight) throws Exception {
        Semaphore permits = new Semaphore(maxInFlight);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (String request : requests) {
                calls.add(executor.submit(() -> {
                    permits.acquire();
                    String answer = service.call(request);
                    permits.release();
                    return answer;
                }));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> call : calls) {
                answers.add(call.get());
            }
            return answers;
        }
    }
}
