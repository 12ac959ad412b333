package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.Outcome;
import ai.asyncjava.kit.exercises.ch07.SettledFanOut;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every prompt on a virtual thread of its own; then each future is settled in prompt order, into
 * a success or the exception its call threw. One failure costs one answer, never the batch.
 */
public class SettleAllFanOut implements SettledFanOut {

    private final Client client;

    public SettleAllFanOut(Client client) {
        this.client = client;
    }

    @Override
    public List<Outcome<String>> askAll(List<String> prompts) throws InterruptedException {
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (String prompt : prompts) {
                answers.add(calls.submit(() -> client.models.generateContent(Gemini.MODEL, prompt, null).text()));
            }
            try {
                List<Outcome<String>> outcomes = new ArrayList<>();
                for (Future<String> answer : answers) {
                    outcomes.add(settled(answer));
                }
                return outcomes;
            } catch (InterruptedException e) {
                calls.shutdownNow(); // interrupts every call still in flight: their sockets are closed
                throw e;
            }
        }
    }

    /** The answer, or the exception the call itself threw (not the ExecutionException around it). */
    private static Outcome<String> settled(Future<String> answer) throws InterruptedException {
        try {
            return Outcome.success(answer.get());
        } catch (ExecutionException e) {
            return Outcome.failure(e.getCause() instanceof Exception thrown ? thrown : e);
        }
    }
}
