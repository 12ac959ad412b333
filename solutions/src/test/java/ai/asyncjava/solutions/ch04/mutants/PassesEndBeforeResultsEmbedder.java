package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import com.google.genai.types.ContentEmbedding;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/** Mutant: sends the calls with client.async and passes the end marker on without waiting for their answers. */
public class PassesEndBeforeResultsEmbedder implements EmbeddingStage {

    @Override
    public void run(Client client, BlockingQueue<Message<List<String>>> batches, BlockingQueue<Message<Embedded>> output)
            throws InterruptedException {
        while (batches.take() instanceof Message.Item<List<String>>(List<String> texts)) {
            client.async.models.embedContent(Gemini.EMBEDDING_MODEL, texts, null).thenAccept(response -> {
                List<ContentEmbedding> embeddings = response.embeddings().orElseThrow();
                for (int i = 0; i < texts.size(); i++) {
                    output.add(Message.item(new Embedded(texts.get(i), embeddings.get(i).values().orElseThrow())));
                }
            });
        }
        output.put(Message.end());
    }
}
