package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import com.google.genai.types.ContentEmbedding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Mutant: sends every batch's call at once with client.async and, when an answer comes back,
 * pairs it with the batch held in a field, by then the latest batch read, not the one sent.
 */
public class PairsWithLatestBatchEmbedder implements EmbeddingStage {

    private volatile List<String> current = List.of();

    @Override
    public void run(Client client, BlockingQueue<Message<List<String>>> batches, BlockingQueue<Message<Embedded>> output)
            throws InterruptedException {
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        while (batches.take() instanceof Message.Item<List<String>>(List<String> texts)) {
            current = texts;
            calls.add(client.async.models.embedContent(Gemini.EMBEDDING_MODEL, texts, null).thenAccept(response -> {
                List<ContentEmbedding> embeddings = response.embeddings().orElseThrow();
                List<String> batch = current;
                for (int i = 0; i < embeddings.size(); i++) {
                    output.add(Message.item(new Embedded(batch.get(i % batch.size()), embeddings.get(i).values().orElseThrow())));
                }
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        output.put(Message.end());
    }
}
