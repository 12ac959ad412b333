package ai.asyncjava.solutions.ch02;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch02.RateLimitedFanOut;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Chapter 01's fan-out on virtual threads with one line more: every request first waits for the limiter. */
public class LimitedGeminiFanOut implements RateLimitedFanOut {

    @Override
    public List<String> askAll(Client client, RateLimiter limiter, List<String> prompts) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (String prompt : prompts) {
                answers.add(executor.submit(() -> {
                    // Wait right before sending, in the request's own thread: a virtual thread
                    // that waits costs nothing, and the limiter counts the moment it lets go.
                    limiter.acquire();
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
