package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import com.google.genai.types.ContentEmbedding;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/** Mutant: looks for the next batch with poll() in a loop instead of waiting in take(). */
public class SpinsOnPollEmbedder implements EmbeddingStage {

    @Override
    public void run(Client client, BlockingQueue<Message<List<String>>> batches, BlockingQueue<Message<Embedded>> output)
            throws InterruptedException {
        while (true) {
            Message<List<String>> message = batches.poll();
            if (message == null) {
                continue; // nothing yet: look again
            }
            if (!(message instanceof Message.Item<List<String>>(List<String> texts))) {
                output.put(Message.end());
                return;
            }
            List<ContentEmbedding> embeddings = client.models.embedContent(Gemini.EMBEDDING_MODEL, texts, null)
                    .embeddings().orElseThrow();
            for (int i = 0; i < texts.size(); i++) {
                output.put(Message.item(new Embedded(texts.get(i), embeddings.get(i).values().orElseThrow())));
            }
        }
    }
}
