package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.FirstAnswers;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: skips failures, but keeps taking until it has enough answers, even after every call has ended. */
public class WaitsForeverFirstAnswers implements FirstAnswers {

    @Override
    public List<String> firstAnswers(SlowService service, List<String> requests, int wanted) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<String> finished = new ExecutorCompletionService<>(executor);
            requests.forEach(request -> finished.submit(() -> service.call(request)));
            List<String> answers = new ArrayList<>();
            while (answers.size() < wanted) {
                try {
                    answers.add(finished.take().get());
                } catch (ExecutionException skipped) {
                    // the next answer takes its place
                }
            }
            executor.shutdownNow();
            return answers;
        }
    }
}
