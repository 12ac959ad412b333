package ai.asyncjava.solutions.ch00;

import ai.asyncjava.kit.exercises.ch00.FirstAnswers;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts every call, then takes them from an {@link ExecutorCompletionService} in the order
 * they finish, the way {@code asyncio.as_completed} hands out results. Once it has enough
 * answers, {@code shutdownNow()} interrupts the calls still running.
 */
public class CompletionServiceFirstAnswers implements FirstAnswers {

    @Override
    public List<String> firstAnswers(SlowService service, List<String> requests, int wanted) throws Exception {
        if (wanted < 1 || wanted > requests.size()) {
            throw new IllegalArgumentException("wanted must be between 1 and " + requests.size() + ", not " + wanted);
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<String> finished = new ExecutorCompletionService<>(executor);
            for (String request : requests) {
                finished.submit(() -> service.call(request));
            }
            List<String> answers = new ArrayList<>();
            ExecutionException lastFailure = null;
            // Take at most one finished call per request: waiting past the last would wait for ever.
            for (int taken = 0; taken < requests.size() && answers.size() < wanted; taken++) {
                try {
                    answers.add(finished.take().get());
                } catch (ExecutionException failed) {
                    lastFailure = failed; // skipped: the next answer to arrive takes its place
                }
            }
            // Interrupts the calls nobody needs any more; closing the executor waits for them to end.
            executor.shutdownNow();
            if (answers.size() < wanted) {
                throw lastFailure;
            }
            return answers;
        }
    }
}
