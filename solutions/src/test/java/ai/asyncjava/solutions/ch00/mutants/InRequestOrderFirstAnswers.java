package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.FirstAnswers;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Mutant: waits for the futures in the order it started them, so it returns the first requests' answers. */
public class InRequestOrderFirstAnswers implements FirstAnswers {

    @Override
    public List<String> firstAnswers(SlowService service, List<String> requests, int wanted) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (String request : requests) {
                calls.add(executor.submit(() -> service.call(request)));
            }
            List<String> answers = new ArrayList<>();
            ExecutionException lastFailure = null;
            for (Future<String> call : calls) {
                if (answers.size() == wanted) {
                    break;
                }
                try {
                    answers.add(call.get());
                } catch (ExecutionException failed) {
                    lastFailure = failed;
                }
            }
            executor.shutdownNow();
            if (answers.size() < wanted) {
                throw lastFailure;
            }
            return answers;
        }
    }
}
