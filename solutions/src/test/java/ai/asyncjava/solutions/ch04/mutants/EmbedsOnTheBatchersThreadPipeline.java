package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import com.google.genai.types.ContentEmbedding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Mutant: the batcher stage embeds each batch itself the moment it is ready, so while a call is
 * in flight nobody reads the input and texts wait longer than the timeout.
 */
public class EmbedsOnTheBatchersThreadPipeline extends MutantPipeline {

    public EmbedsOnTheBatchersThreadPipeline(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    public void run(Client client, BlockingQueue<Message<String>> input, Consumer<Embedded> sink)
            throws InterruptedException {
        try (ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            stages.submit(() -> {
                new EmbeddingBatcher(client).run(input, batches);
                return null;
            });
            stages.submit(() -> {
                while (results.take() instanceof Message.Item<Embedded>(Embedded result)) {
                    sink.accept(result);
                }
                return null;
            });
        }
    }

    /** A batcher that sends each batch straight to the API and its results on to the logger. */
    private final class EmbeddingBatcher extends MutantBatcher<String> {

        private final Client client;

        EmbeddingBatcher(Client client) {
            super(EmbedsOnTheBatchersThreadPipeline.this.batchSize, EmbedsOnTheBatchersThreadPipeline.this.timeout);
            this.client = client;
        }

        @Override
        protected void send() throws InterruptedException {
            List<ContentEmbedding> embeddings = client.models.embedContent(Gemini.EMBEDDING_MODEL, batch, null)
                    .embeddings().orElseThrow();
            for (int i = 0; i < batch.size(); i++) {
                results.put(Message.item(new Embedded(batch.get(i), embeddings.get(i).values().orElseThrow())));
            }
            batch = new ArrayList<>();
        }

        @Override
        protected boolean onEnd() throws InterruptedException {
            if (!batch.isEmpty()) {
                send();
            }
            results.put(Message.end());
            return true;
        }
    }
}
