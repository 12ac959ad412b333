package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.solutions.ch04.BatchEmbedder;
import com.google.genai.Client;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Mutant: leaves the batcher out and hands the embedder each text as a batch of its own: one call per text. */
public class EmbedsEachTextAlonePipeline extends MutantPipeline {

    public EmbedsEachTextAlonePipeline(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    public void run(Client client, BlockingQueue<Message<String>> input, Consumer<Embedded> sink)
            throws InterruptedException {
        try (ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            stages.submit(() -> {
                while (input.take() instanceof Message.Item<String>(String text)) {
                    batches.put(Message.item(List.of(text)));
                }
                batches.put(Message.end());
                return null;
            });
            stages.submit(() -> {
                new BatchEmbedder().run(client, batches, results);
                return null;
            });
            while (results.take() instanceof Message.Item<Embedded>(Embedded result)) {
                sink.accept(result);
            }
        }
    }
}
