package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Mutant: a prompt whose call fails is logged and skipped, never tried again. */
public class SkipsFailedPromptsPipeline extends WorkerLoop {

    @Override
    List<PromptAnswer> answer(Client client, String prompt, AtomicInteger failedCalls) {
        try {
            return List.of(new PromptAnswer(prompt, client.models.generateContent(Gemini.MODEL, prompt, null).text()));
        } catch (ApiException e) {
            failedCalls.incrementAndGet();
            return List.of(); // "log it and move on": the prompt is never answered
        }
    }
}
