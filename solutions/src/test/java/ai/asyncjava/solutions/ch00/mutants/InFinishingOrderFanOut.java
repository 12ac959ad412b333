package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.FanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: each thread adds its answer when it finishes, so fast answers jump the queue. */
public class InFinishingOrderFanOut implements FanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests) throws Exception {
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String request : requests) {
                executor.submit(() -> answers.add(service.call(request)));
            }
        }
        return answers;
    }
}
