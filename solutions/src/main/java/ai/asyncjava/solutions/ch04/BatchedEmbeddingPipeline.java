package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingPipeline;
import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * input → batcher → batches → embedder → results → logger → sink, each stage on its own
 * virtual thread. The end-of-stream marker shuts the stages down one after another.
 */
public class BatchedEmbeddingPipeline implements EmbeddingPipeline {

    private final int batchSize;
    private final Duration timeout;

    public BatchedEmbeddingPipeline(int batchSize, Duration timeout) {
        this.batchSize = batchSize;
        this.timeout = timeout;
    }

    @Override
    public void run(Client client, BlockingQueue<Message<String>> input, Consumer<Embedded> sink)
            throws InterruptedException {
        BlockingQueue<Message<List<String>>> batches = new LinkedBlockingQueue<>();
        BlockingQueue<Message<Embedded>> results = new LinkedBlockingQueue<>();
        try (ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            // The completion service hands back each stage's future as the stage ends, so the
            // first failure is seen at once, whichever stage it comes from.
            ExecutorCompletionService<Void> ended = new ExecutorCompletionService<>(stages);
            ended.submit(() -> {
                new SizeOrTimeoutBatcher<String>(batchSize, timeout).run(input, batches);
                return null;
            });
            ended.submit(() -> {
                new BatchEmbedder().run(client, batches, results);
                return null;
            });
            ended.submit(() -> {
                logResults(results, sink);
                return null;
            });
            try {
                for (int stage = 0; stage < 3; stage++) {
                    ended.take().get();
                }
            } catch (ExecutionException failed) {
                // A stage died, so the marker will never reach the stages after it: interrupt
                // them all rather than wait forever, and report the failure.
                stages.shutdownNow();
                throw new IllegalStateException("a pipeline stage failed", failed.getCause());
            } catch (InterruptedException interrupted) {
                stages.shutdownNow(); // we were asked to stop, so the stages stop too
                throw interrupted;
            }
        } // closing the executor waits for every stage's thread to end
    }

    /** The logger stage: every result to the sink, until the end-of-stream marker. */
    private static void logResults(BlockingQueue<Message<Embedded>> results, Consumer<Embedded> sink)
            throws InterruptedException {
        while (results.take() instanceof Message.Item<Embedded>(Embedded result)) {
            sink.accept(result);
        }
    }
}
