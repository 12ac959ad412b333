package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import com.google.genai.Client;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Mutant: workers keep the prompt they are working on in a field that all of them share. */
public class SharedPromptFieldPipeline extends WorkerLoop {

    private volatile String currentPrompt;

    @Override
    List<PromptAnswer> answer(Client client, String prompt, AtomicInteger failedCalls) throws InterruptedException {
        currentPrompt = prompt;
        String answer = generate(client, currentPrompt, failedCalls);
        return List.of(new PromptAnswer(currentPrompt, answer));
    }
}
