package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Mutant: the retry loop has no break after a success, so every prompt is answered (and written) three times. */
public class NoBreakAfterSuccessPipeline extends WorkerLoop {

    @Override
    List<PromptAnswer> answer(Client client, String prompt, AtomicInteger failedCalls) throws InterruptedException {
        List<PromptAnswer> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                answers.add(new PromptAnswer(prompt, client.models.generateContent(Gemini.MODEL, prompt, null).text()));
            } catch (ApiException e) {
                failedCalls.incrementAndGet();
                Thread.sleep(100);
            }
        }
        return answers;
    }
}
