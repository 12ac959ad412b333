package ai.asyncjava.solutions.ch00;

import ai.asyncjava.kit.exercises.ch00.FanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Every call gets its own virtual thread: start them all first, then collect the answers. */
public class VirtualThreadFanOut implements FanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests) throws Exception {
        // Closing the executor (at the end of the try block) waits for every call, so no call
        // outlives this method, even when one of them fails and get() throws.
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (String request : requests) {
                calls.add(executor.submit(() -> service.call(request)));
            }
            // All calls are in flight now; wait for the answers in the order of the requests.
            List<String> answers = new ArrayList<>();
            for (Future<String> call : calls) {
                answers.add(call.get());
            }
            return answers;
        }
    }
}
