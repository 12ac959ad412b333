package ai.asyncjava.solutions.ch01;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Plain blocking calls of the sync client, one virtual thread each. */
public class VirtualThreadsFanOut implements PromptFanOut {

    private final Client client;

    public VirtualThreadsFanOut(Client.Builder builder) {
        // The sync client sends on the calling thread, so OkHttp's limit of 5 async requests per
        // host does not apply: the SDK's default options will do.
        this.client = builder.build();
    }

    @Override
    public List<String> askAll(List<String> prompts) throws Exception {
        // Closing the executor (at the end of the try block) waits for every call, so none
        // outlives this method, even when one fails and get() throws.
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (String prompt : prompts) {
                calls.add(executor.submit(() -> client.models.generateContent(Gemini.MODEL, prompt, null).text()));
            }
            // Every call is in flight now; collect the answers in prompt order. get() rethrows a
            // failed call's ApiException as the cause of an ExecutionException.
            List<String> answers = new ArrayList<>();
            for (Future<String> call : calls) {
                answers.add(call.get());
            }
            return answers;
        }
    }

    /** Closes the client this fan-out built: its pooled connections and its HTTP threads. */
    @Override
    public void close() {
        client.close();
    }
}
