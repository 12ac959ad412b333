package ai.asyncjava.solutions.ch01.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import ai.asyncjava.kit.simulators.gemini.GeminiClients;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Mutant: each answer is added when its call completes, so fast answers jump the queue. */
public class InFinishingOrderFanOut implements PromptFanOut {

    private final Client client;

    public InFinishingOrderFanOut(Client.Builder builder) {
        this.client = builder.clientOptions(GeminiClients.roomyConnections()).build();
    }

    @Override
    public List<String> askAll(List<String> prompts) {
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (String prompt : prompts) {
            calls.add(client.async.models.generateContent(Gemini.MODEL, prompt, null)
                    .thenAccept(response -> answers.add(response.text())));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        return answers;
    }

    @Override
    public void close() {
        client.close();
    }
}
