package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import com.google.genai.types.ContentEmbedding;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Not a mutant: a correct embedding stage written another way, which walks the texts and the
 * returned embeddings side by side, pairing them by position, repeated texts included. The
 * checks must pass it.
 */
public class ZipsByPositionEmbedder implements EmbeddingStage {

    @Override
    public void run(Client client, BlockingQueue<Message<List<String>>> batches, BlockingQueue<Message<Embedded>> output)
            throws InterruptedException {
        while (batches.take() instanceof Message.Item<List<String>>(List<String> texts)) {
            Iterator<ContentEmbedding> embeddings = client.models.embedContent(Gemini.EMBEDDING_MODEL, texts, null)
                    .embeddings().orElseThrow().iterator();
            for (String text : texts) {
                output.put(Message.item(new Embedded(text, embeddings.next().values().orElseThrow())));
            }
        }
        output.put(Message.end());
    }
}
