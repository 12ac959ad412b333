package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import com.google.genai.types.ContentEmbedding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/** Mutant: pairs texts and vectors through a map keyed by text, so a text that appears twice comes out once. */
public class CollectsIntoMapEmbedder implements EmbeddingStage {

    @Override
    public void run(Client client, BlockingQueue<Message<List<String>>> batches, BlockingQueue<Message<Embedded>> output)
            throws InterruptedException {
        while (batches.take() instanceof Message.Item<List<String>>(List<String> texts)) {
            List<ContentEmbedding> embeddings = client.models.embedContent(Gemini.EMBEDDING_MODEL, texts, null)
                    .embeddings().orElseThrow();
            Map<String, List<Float>> byText = new HashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                byText.put(texts.get(i), embeddings.get(i).values().orElseThrow());
            }
            for (Map.Entry<String, List<Float>> pair : byText.entrySet()) {
                output.put(Message.item(new Embedded(pair.getKey(), pair.getValue())));
            }
        }
        output.put(Message.end());
    }
}
