package ai.asyncjava.solutions.ch01.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import ai.asyncjava.kit.simulators.gemini.GeminiClients;
import com.google.genai.Client;
import com.google.genai.types.GenerateContentResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Mutant: failed futures are filtered out, so the caller gets fewer answers than prompts and no error. */
public class SkipsFailedCallsFanOut implements PromptFanOut {

    private final Client client;

    public SkipsFailedCallsFanOut(Client.Builder builder) {
        this.client = builder.clientOptions(GeminiClients.roomyConnections()).build();
    }

    @Override
    public List<String> askAll(List<String> prompts) {
        List<CompletableFuture<GenerateContentResponse>> calls = prompts.stream()
                .map(prompt -> client.async.models.generateContent(Gemini.MODEL, prompt, null))
                .toList();
        // exceptionally(...) turns each failure into null, and allOf no longer sees it.
        CompletableFuture.allOf(calls.stream().map(call -> call.exceptionally(failed -> null))
                .toArray(CompletableFuture[]::new)).join();
        return calls.stream().filter(call -> !call.isCompletedExceptionally()).map(call -> call.join().text()).toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
