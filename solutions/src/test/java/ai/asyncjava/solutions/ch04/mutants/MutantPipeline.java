package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingPipeline;
import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Not a mutant: what the pipeline mutants share, their settings and the queues between the stages. */
abstract class MutantPipeline implements EmbeddingPipeline {

    protected final int batchSize;
    protected final Duration timeout;
    protected final BlockingQueue<Message<List<String>>> batches = new LinkedBlockingQueue<>();
    protected final BlockingQueue<Message<Embedded>> results = new LinkedBlockingQueue<>();

    MutantPipeline(int batchSize, Duration timeout) {
        this.batchSize = batchSize;
        this.timeout = timeout;
    }
}
