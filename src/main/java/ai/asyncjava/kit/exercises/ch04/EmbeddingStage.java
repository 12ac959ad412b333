package ai.asyncjava.kit.exercises.ch04;

import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * The pipeline stage after the batcher: it embeds each batch of texts with one API request
 * and passes the texts on one by one, each with its own embedding.
 */
public interface EmbeddingStage {

    /**
     * Reads batches from {@code batches} until it takes the end-of-stream marker. For each
     * batch it makes one embedding request for all of the batch's texts
     * ({@code client.models.embedContent(model, texts, config)}, which the SDK sends as one
     * {@code batchEmbedContents} call) and puts one {@link Embedded} per text on {@code output},
     * pairing every text with the embedding the API returned for it. Once every result is on
     * {@code output}, it puts the end-of-stream marker there, once, and returns.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void run(Client client, BlockingQueue<Message<List<String>>> batches, BlockingQueue<Message<Embedded>> output)
            throws InterruptedException;
}
