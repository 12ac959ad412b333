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

/** Mutant: its logger stage looks for results with poll() in a loop instead of waiting in take(). */
public class SpinningLoggerPipeline extends MutantPipeline {

    public SpinningLoggerPipeline(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    public void run(Client client, BlockingQueue<Message<String>> input, Consumer<Embedded> sink)
            throws InterruptedException {
        try (ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            stages.submit(() -> {
                new SizeOrTimeoutBatcher<String>(batchSize, timeout).run(input, batches);
                return null;
            });
            stages.submit(() -> {
                new BatchEmbedder().run(client, batches, results);
                return null;
            });
            stages.submit(() -> {
                while (true) {
                    Message<Embedded> message = results.poll();
                    if (message instanceof Message.Item<Embedded>(Embedded result)) {
                        sink.accept(result);
                    } else if (message instanceof Message.EndOfStream<Embedded>) {
                        return null;
                    }
                }
            });
        }
    }
}
