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

/** Mutant: sends each distinct text of a batch once, to save on repeats, and hands its vector to every copy. */
public class DeduplicatesTextsEmbedder implements EmbeddingStage {

    @Override
    public void run(Client client, BlockingQueue<Message<List<String>>> batches, BlockingQueue<Message<Embedded>> output)
            throws InterruptedException {
        while (batches.take() instanceof Message.Item<List<String>>(List<String> texts)) {
            List<String> distinct = texts.stream().distinct().toList();
            List<ContentEmbedding> embeddings = client.models.embedContent(Gemini.EMBEDDING_MODEL, distinct, null)
                    .embeddings().orElseThrow();
            Map<String, List<Float>> byText = new HashMap<>();
            for (int i = 0; i < distinct.size(); i++) {
                byText.put(distinct.get(i), embeddings.get(i).values().orElseThrow());
            }
            for (String text : texts) {
                output.put(Message.item(new Embedded(text, byText.get(text))));
            }
        }
        output.put(Message.end());
    }
}
