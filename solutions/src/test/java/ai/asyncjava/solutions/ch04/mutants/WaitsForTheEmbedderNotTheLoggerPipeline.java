package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.solutions.ch04.BatchEmbedder;
import ai.asyncjava.solutions.ch04.SizeOrTimeoutBatcher;
import com.google.genai.Client;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Mutant: waits for the batcher and the embedder, but starts the logger on a thread nobody waits for. */
public class WaitsForTheEmbedderNotTheLoggerPipeline extends MutantPipeline {

    public WaitsForTheEmbedderNotTheLoggerPipeline(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    public void run(Client client, BlockingQueue<Message<String>> input, Consumer<Embedded> sink)
            throws InterruptedException {
        Thread.ofVirtual().start(() -> {
            try {
                while (results.take() instanceof Message.Item<Embedded>(Embedded result)) {
                    sink.accept(result);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        try (ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            stages.submit(() -> {
                new SizeOrTimeoutBatcher<String>(batchSize, timeout).run(input, batches);
                return null;
            });
            stages.submit(() -> {
                new BatchEmbedder().run(client, batches, results);
                return null;
            });
        }
    }
}
