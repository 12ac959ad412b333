package ai.asyncjava.kit.checks.ch03;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.CountingPipeline;
import ai.asyncjava.kit.exercises.ch03.Pipeline;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The checks of chapter 03, data pipelines, one method per exercise. A notebook's check cell is
 * one call, left as the cell's last expression so the report shows:
 *
 * <pre>{@code Chapter03.checkPipeline(QueuePipeline::new)}</pre>
 */
public final class Chapter03 {

    /** Step 2: the reader's source, the prompts of a folder of shard files; given, rewriting it is optional. */
    public static final Exercise SOURCE = new Exercise(
            "Step 2, ShardFileSource: the prompts of a folder of shards (optional rewrite)", SourceChecks.class);

    /** Step 3: the writer's sink, JSON lines in shards of a set size; given, rewriting it is optional. */
    public static final Exercise SHARD_WRITER = new Exercise(
            "Step 3, JsonLinesShardWriter: answers in shards of JSON lines (optional rewrite)",
            ShardWriterChecks.class);

    /** Step 4: the whole pipeline, reader to writer. */
    public static final Exercise PIPELINE = new Exercise(
            "Step 4, QueuePipeline: reader, workers and writer joined by bounded queues", PipelineChecks.class);

    /** Going further: the pipeline with a CPU-bound stage on platform threads. */
    public static final Exercise COUNTING_PIPELINE = new Exercise(
            "Going further, CountingQueuePipeline: word counts on a platform pool", CountingPipelineChecks.class);

    private Chapter03() {}

    /**
     * Checks a {@link PromptSource} over a folder of shards: every file in it whose name ends in
     * {@code .txt} is a shard, and every non-blank line of a shard is a prompt. {@code newSource}
     * makes a source over a folder; it should only remember the folder, opening nothing yet.
     */
    public static CheckReport checkSource(Function<Path, ? extends PromptSource> newSource) {
        return SOURCE.check(newSource);
    }

    /**
     * Checks an {@link AnswerSink} that writes JSON lines into shards: {@code newWriter.apply(dir,
     * shardSize)} makes one that writes {@code shard_0.jsonl}, {@code shard_1.jsonl}, ... in
     * {@code dir} (creating the folder if need be), each line a JSON object with the fields
     * {@code prompt} and {@code answer}, at most {@code shardSize} lines per shard. A full shard is
     * complete on disk by the time the next answer is written; {@code close()} completes the last.
     */
    public static CheckReport checkShardWriter(BiFunction<Path, Integer, ? extends AnswerSink> newWriter) {
        return SHARD_WRITER.check(newWriter);
    }

    /** Checks a {@link Pipeline}; {@code newPipeline} makes a fresh one for every check. */
    public static CheckReport checkPipeline(Supplier<? extends Pipeline> newPipeline) {
        return PIPELINE.check(newPipeline);
    }

    /** Checks a {@link CountingPipeline}; {@code newPipeline} makes a fresh one for every check. */
    public static CheckReport checkCountingPipeline(Supplier<? extends CountingPipeline> newPipeline) {
        return COUNTING_PIPELINE.check(newPipeline);
    }
}
