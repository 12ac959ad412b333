package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Mutant: a failed prompt is retried 3 times, then dropped without a word. */
public class RetriesThreeTimesPipeline extends WorkerLoop {

    private static final int RETRIES = 3;

    @Override
    List<PromptAnswer> answer(Client client, String prompt, AtomicInteger failedCalls) throws InterruptedException {
        for (int retry = 0; retry <= RETRIES; retry++) {
            try {
                return List.of(new PromptAnswer(prompt, client.models.generateContent(Gemini.MODEL, prompt, null).text()));
            } catch (ApiException e) {
                failedCalls.incrementAndGet();
                Thread.sleep(pauseMillis(retry + 1));
            }
        }
        return List.of(); // "it keeps failing: skip it"
    }
}
