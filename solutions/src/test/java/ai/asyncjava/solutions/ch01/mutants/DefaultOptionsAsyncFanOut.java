package ai.asyncjava.solutions.ch01.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import com.google.genai.Client;
import com.google.genai.types.GenerateContentResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Mutant: client.async with the SDK's default client options, so OkHttp sends 5 per host at a time. */
public class DefaultOptionsAsyncFanOut implements PromptFanOut {

    private final Client client;

    public DefaultOptionsAsyncFanOut(Client.Builder builder) {
        this.client = builder.build();
    }

    @Override
    public List<String> askAll(List<String> prompts) {
        List<CompletableFuture<GenerateContentResponse>> calls = prompts.stream()
                .map(prompt -> client.async.models.generateContent(Gemini.MODEL, prompt, null))
                .toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        return calls.stream().map(call -> call.join().text()).toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
