package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.FirstAnswers;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: takes answers as they finish, but never stops the rest: closing the executor waits for them all. */
public class WaitsForAllFirstAnswers implements FirstAnswers {

    @Override
    public List<String> firstAnswers(SlowService service, List<String> requests, int wanted) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<String> finished = new ExecutorCompletionService<>(executor);
            requests.forEach(request -> finished.submit(() -> service.call(request)));
            return TakeAsTheyFinish.firstAnswers(finished, requests.size(), wanted);
        }
    }
}
