package ai.asyncjava.solutions.ch02.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch02.RateLimitedFanOut;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: collects the answers as they arrive, so they come back in finishing order. */
public class InFinishingOrderLimitedFanOut implements RateLimitedFanOut {

    @Override
    public List<String> askAll(Client client, RateLimiter limiter, List<String> prompts) throws Exception {
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String prompt : prompts) {
                executor.submit(() -> {
                    limiter.acquire();
                    answers.add(client.models.generateContent(Gemini.MODEL, prompt, null).text());
                    return null;
                });
            }
        }
        return answers;
    }
}
