package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.FirstAnswers;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: lets the first failed call's exception escape instead of skipping that call. */
public class StopsAtTheFirstFailureFirstAnswers implements FirstAnswers {

    @Override
    public List<String> firstAnswers(SlowService service, List<String> requests, int wanted) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<String> finished = new ExecutorCompletionService<>(executor);
            requests.forEach(request -> finished.submit(() -> service.call(request)));
            List<String> answers = new ArrayList<>();
            try {
                while (answers.size() < wanted) {
                    answers.add(finished.take().get());
                }
            } finally {
                executor.shutdownNow();
            }
            return answers;
        }
    }
}
