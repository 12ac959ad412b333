package ai.asyncjava.solutions.ch01.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mutant: keeps the builder and builds a new client for every call of askAll, never closed: each
 * call opens new connections, and every client it built keeps its pool and threads.
 */
public class ClientPerCallFanOut implements PromptFanOut {

    private final Client.Builder builder;

    public ClientPerCallFanOut(Client.Builder builder) {
        this.builder = builder;
    }

    @Override
    public List<String> askAll(List<String> prompts) throws Exception {
        Client client = builder.build();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (String prompt : prompts) {
                calls.add(executor.submit(() -> client.models.generateContent(Gemini.MODEL, prompt, null).text()));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> call : calls) {
                answers.add(call.get());
            }
            return answers;
        }
    }

    @Override
    public void close() {
        // nothing to close: it keeps no client of its own
    }
}
