package ai.asyncjava.solutions.ch02.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch02.RateLimitedFanOut;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Mutant: calls acquire() once for the whole batch, then sends every request at once. */
public class AcquiresOnceFanOut implements RateLimitedFanOut {

    @Override
    public List<String> askAll(Client client, RateLimiter limiter, List<String> prompts) throws Exception {
        limiter.acquire();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (String prompt : prompts) {
                answers.add(executor.submit(() -> {
                    return client.models.generateContent(Gemini.MODEL, prompt, null).text();
                }));
            }
            List<String> texts = new ArrayList<>();
            for (Future<String> answer : answers) {
                texts.add(answer.get());
            }
            return texts;
        }
    }
}
