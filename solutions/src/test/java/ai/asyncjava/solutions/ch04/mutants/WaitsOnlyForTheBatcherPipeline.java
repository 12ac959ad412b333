package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.solutions.ch04.BatchEmbedder;
import ai.asyncjava.solutions.ch04.SizeOrTimeoutBatcher;
import com.google.genai.Client;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/** Mutant: starts the embedder and the logger on threads nobody waits for, and returns once the batcher is done. */
public class WaitsOnlyForTheBatcherPipeline extends MutantPipeline {

    public WaitsOnlyForTheBatcherPipeline(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    public void run(Client client, BlockingQueue<Message<String>> input, Consumer<Embedded> sink)
            throws InterruptedException {
        Thread.ofVirtual().start(() -> {
            try {
                new BatchEmbedder().run(client, batches, results);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.ofVirtual().start(() -> {
            try {
                while (results.take() instanceof Message.Item<Embedded>(Embedded result)) {
                    sink.accept(result);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        new SizeOrTimeoutBatcher<String>(batchSize, timeout).run(input, batches);
    }
}
