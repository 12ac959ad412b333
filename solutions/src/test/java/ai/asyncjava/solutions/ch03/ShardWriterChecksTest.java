package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch03.Chapter03;
import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.solutions.ch03.mutants.ClosesShardsOnlyAtTheEndWriter;
import ai.asyncjava.solutions.ch03.mutants.ForgetsLastShardWriter;
import ai.asyncjava.solutions.ch03.mutants.ForgetsToClearBufferWriter;
import ai.asyncjava.solutions.ch03.mutants.HandMadeJsonWriter;
import ai.asyncjava.solutions.ch03.mutants.OffByOneShardWriter;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The shard writer's checks pass on the reference solution and each catches a mutant. */
class ShardWriterChecksTest {

    static final String JSON_LINES = "writes each answer as one JSON line with its prompt and answer";
    static final String SHARD_SIZES =
            "keeps at most shardSize lines per shard, named shard_0.jsonl, shard_1.jsonl, ...";
    static final String FULL_SHARD = "finishes a full shard before it writes the next answer";
    static final String LAST_SHARD = "writes the last, partly filled shard when closed";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<BiFunction<Path, Integer, AnswerSink>>of(Chapter03.SHARD_WRITER, "JsonLinesShardWriter",
                        JsonLinesShardWriter::new)
                .mutant("HandMadeJsonWriter", HandMadeJsonWriter::new, JSON_LINES)
                .mutant("ForgetsToClearBufferWriter", ForgetsToClearBufferWriter::new, JSON_LINES, SHARD_SIZES)
                .mutant("OffByOneShardWriter", OffByOneShardWriter::new, SHARD_SIZES)
                .mutant("ClosesShardsOnlyAtTheEndWriter", ClosesShardsOnlyAtTheEndWriter::new, FULL_SHARD)
                .mutant("ForgetsLastShardWriter", ForgetsLastShardWriter::new, LAST_SHARD, JSON_LINES)
                .tests();
    }
}
