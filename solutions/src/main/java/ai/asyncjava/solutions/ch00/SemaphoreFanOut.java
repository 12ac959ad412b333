package ai.asyncjava.solutions.ch00;

import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Every request still gets its own virtual thread, but a call must hold one of
 * {@code maxInFlight} permits while it runs. Threads are cheap; calls in flight are what the
 * service counts, so that is what the semaphore bounds.
 */
public class SemaphoreFanOut implements BoundedFanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests, int maxInFlight) throws Exception {
        // One semaphore for the whole batch: every call must share the same permits.
        Semaphore permits = new Semaphore(maxInFlight);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (String request : requests) {
                calls.add(executor.submit(() -> {
                    // Waiting for a permit parks this virtual thread only; the loop goes on.
                    permits.acquire();
                    try {
                        return service.call(request);
                    } finally {
                        // Given back however the call ends, or a failure would shrink the bound for good.
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
