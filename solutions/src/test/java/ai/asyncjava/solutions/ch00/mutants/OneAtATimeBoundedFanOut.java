package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** Mutant: waits for each call's answer right after submitting it, so calls run one at a time. */
public class OneAtATimeBoundedFanOut implements BoundedFanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests, int maxInFlight) throws Exception {
        Semaphore permits = new Semaphore(maxInFlight);
        List<String> answers = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String request : requests) {
                answers.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return service.call(request);
                    } finally {
                        permits.release();
                    }
                }).get());
            }
        }
        return answers;
    }
}
