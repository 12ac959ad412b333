package ai.asyncjava.kit.checks.ch04;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.exercises.ch04.BatcherFactory;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.kit.exercises.ch04.PipelineFactory;
import java.util.function.Supplier;

/**
 * The checks of chapter 04, one method per exercise. A notebook's check cell is one call,
 * left as the cell's last expression so the report shows:
 *
 * <pre>{@code Chapter04.checkBatcher(SizeOrTimeoutBatcher::new)}</pre>
 */
public final class Chapter04 {

    /** Step 3: the size-or-timeout batcher. */
    public static final Exercise BATCHER =
            new Exercise("Step 3, SizeOrTimeoutBatcher: batches by size or timeout", BatcherChecks.class);

    /** Step 4: one embedding request per batch. */
    public static final Exercise EMBEDDING_STAGE =
            new Exercise("Step 4, BatchEmbedder: one embedding call per batch", EmbeddingStageChecks.class);

    /** Step 5: the stages wired together. */
    public static final Exercise PIPELINE =
            new Exercise("Step 5, BatchedEmbeddingPipeline: the stages together", PipelineChecks.class);

    /** Going further: batching that adapts to the arrival rate. */
    public static final Exercise ADAPTIVE_BATCHER =
            new Exercise("Going further, AdaptiveBatcher: batches that follow the arrival rate", AdaptiveBatcherChecks.class);

    private Chapter04() {}

    /** Checks a batcher; {@code newBatcher} makes a fresh one (batch size, timeout) for every check. */
    public static CheckReport checkBatcher(BatcherFactory newBatcher) {
        return BATCHER.check(newBatcher);
    }

    /** Checks an embedding stage; {@code newStage} makes a fresh one for every check. */
    public static CheckReport checkEmbeddingStage(Supplier<? extends EmbeddingStage> newStage) {
        return EMBEDDING_STAGE.check(newStage);
    }

    /** Checks a pipeline; {@code newPipeline} makes a fresh one (batch size, timeout) for every check. */
    public static CheckReport checkPipeline(PipelineFactory newPipeline) {
        return PIPELINE.check(newPipeline);
    }

    /** Checks an adaptive batcher; {@code newBatcher} makes a fresh one (max batch size, max wait) per check. */
    public static CheckReport checkAdaptiveBatcher(BatcherFactory newBatcher) {
        return ADAPTIVE_BATCHER.check(newBatcher);
    }
}
