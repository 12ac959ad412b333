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

/** Mutant: sends the request first and calls acquire() after it. */
public class SendsThenAcquiresFanOut implements RateLimitedFanOut {

    @Override
    public List<String> askAll(Client client, RateLimiter limiter, List<String> prompts) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (String prompt : prompts) {
                answers.add(executor.submit(() -> {
                    String text = client.models.generateContent(Gemini.MODEL, prompt, null).text();
                    limiter.acquire();
                    return text;
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
