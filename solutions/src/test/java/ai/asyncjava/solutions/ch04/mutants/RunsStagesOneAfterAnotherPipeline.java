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

/** Mutant: runs the stages one after another on the calling thread, so nothing is embedded until every text has arrived. */
public class RunsStagesOneAfterAnotherPipeline extends MutantPipeline {

    public RunsStagesOneAfterAnotherPipeline(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    public void run(Client client, BlockingQueue<Message<String>> input, Consumer<Embedded> sink)
            throws InterruptedException {
        new SizeOrTimeoutBatcher<String>(batchSize, timeout).run(input, batches);
        new BatchEmbedder().run(client, batches, results);
        while (results.take() instanceof Message.Item<Embedded>(Embedded result)) {
            sink.accept(result);
        }
    }
}
