package ai.asyncjava.kit.exercises.ch04;

import java.time.Duration;

/**
 * Makes an embedding pipeline whose batcher has the given limits: a class with a constructor
 * {@code (int, Duration)}, such as {@code BatchedEmbeddingPipeline::new}.
 */
@FunctionalInterface
public interface PipelineFactory {

    /**
     * A new pipeline.
     *
     * @param batchSize the most texts one embedding request may carry
     * @param timeout   the longest a text may wait in the batcher before its batch is sent
     */
    EmbeddingPipeline create(int batchSize, Duration timeout);
}
