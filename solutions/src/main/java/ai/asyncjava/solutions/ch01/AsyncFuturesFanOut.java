package ai.asyncjava.solutions.ch01;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import com.google.genai.Client;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.GenerateContentResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Every prompt goes out through the SDK's async API; the futures are joined once all are sent. */
public class AsyncFuturesFanOut implements PromptFanOut {

    /** More than any fan-out in this chapter sends at once. */
    private static final int MAX_IN_FLIGHT = 64;

    private final Client client;

    public AsyncFuturesFanOut(Client.Builder builder) {
        // client.async sends through OkHttp, whose dispatcher runs only 5 requests per host at a
        // time unless told otherwise; without these options the 6th call waits for the 1st.
        this.client = builder
                .clientOptions(ClientOptions.builder()
                        .maxConnections(MAX_IN_FLIGHT)
                        .maxConnectionsPerHost(MAX_IN_FLIGHT)
                        .build())
                .build();
    }

    @Override
    public List<String> askAll(List<String> prompts) {
        // Each call returns at once with a future; the request is already on its way.
        List<CompletableFuture<GenerateContentResponse>> calls = new ArrayList<>();
        for (String prompt : prompts) {
            calls.add(client.async.models.generateContent(Gemini.MODEL, prompt, null));
        }
        // allOf completes when every call has (asyncio.gather); join() rethrows the first
        // failure, wrapped in a CompletionException whose cause is the SDK's ApiException.
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        // Reading the futures in the order they were made keeps answers in prompt order.
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<GenerateContentResponse> call : calls) {
            answers.add(call.join().text());
        }
        return answers;
    }

    /** Closes the client this fan-out built: its pooled connections and its HTTP threads. */
    @Override
    public void close() {
        client.close();
    }
}
