package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Mutant: makes a new semaphore inside every call, so no two calls share permits and nothing is bounded. */
public class SemaphorePerCallFanOut implements BoundedFanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests, int maxInFlight) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (String request : requests) {
                calls.add(executor.submit(() -> {
                    Semaphore permits = new Semaphore(maxInFlight);
                    permits.acquire();
                    try {
                        return service.call(request);
                    } finally {
                        permits.release();
                    }
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
