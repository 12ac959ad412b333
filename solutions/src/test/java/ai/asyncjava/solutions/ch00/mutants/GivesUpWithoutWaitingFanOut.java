package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.FanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Mutant: never closes its executor, so when a call fails it throws while others still run. */
public class GivesUpWithoutWaitingFanOut implements FanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests) throws Exception {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<String>> calls = new ArrayList<>();
        for (String request : requests) {
            calls.add(executor.submit(() -> service.call(request)));
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> call : calls) {
            answers.add(call.get());
        }
        return answers;
    }
}
