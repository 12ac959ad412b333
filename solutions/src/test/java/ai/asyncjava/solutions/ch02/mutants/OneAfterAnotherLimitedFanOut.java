package ai.asyncjava.solutions.ch02.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch02.RateLimitedFanOut;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;

/** Mutant: waits for the limiter and calls the model in a plain loop, one request at a time. */
public class OneAfterAnotherLimitedFanOut implements RateLimitedFanOut {

    @Override
    public List<String> askAll(Client client, RateLimiter limiter, List<String> prompts) throws Exception {
        List<String> answers = new ArrayList<>();
        for (String prompt : prompts) {
            limiter.acquire();
            answers.add(client.models.generateContent(Gemini.MODEL, prompt, null).text());
        }
        return answers;
    }
}
