package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/** Mutant: takes batches but still embeds their texts one call each, so batching saves nothing. */
public class OneCallPerTextEmbedder implements EmbeddingStage {

    @Override
    public void run(Client client, BlockingQueue<Message<List<String>>> batches, BlockingQueue<Message<Embedded>> output)
            throws InterruptedException {
        while (batches.take() instanceof Message.Item<List<String>>(List<String> texts)) {
            for (String text : texts) {
                List<Float> values = client.models.embedContent(Gemini.EMBEDDING_MODEL, text, null)
                        .embeddings().orElseThrow().getFirst().values().orElseThrow();
                output.put(Message.item(new Embedded(text, values)));
            }
        }
        output.put(Message.end());
    }
}
