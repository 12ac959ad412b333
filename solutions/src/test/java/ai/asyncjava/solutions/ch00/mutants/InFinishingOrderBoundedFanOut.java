package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** Mutant: bounded correctly, but each call adds its answer when it finishes, so the order is lost. */
public class InFinishingOrderBoundedFanOut implements BoundedFanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests, int maxInFlight) throws Exception {
        Semaphore permits = new Semaphore(maxInFlight);
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String request : requests) {
                executor.submit(() -> {
                    permits.acquire();
                    try {
                        return answers.add(service.call(request));
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        return answers;
    }
}
