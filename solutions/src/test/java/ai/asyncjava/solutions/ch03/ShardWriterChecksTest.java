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

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<BiFunction<Path, Integer, AnswerSink>>of(Chapter03.SHARD_WRITER, "JsonLinesShardWriter",
                        JsonLinesShardWriter::new)
                .mutant("HandMadeJsonWriter", HandMadeJsonWriter::new, "jsonLines")
                .mutant("ForgetsToClearBufferWriter", ForgetsToClearBufferWriter::new, "jsonLines", "shardSizes")
                .mutant("OffByOneShardWriter", OffByOneShardWriter::new, "shardSizes")
                .mutant("ClosesShardsOnlyAtTheEndWriter", ClosesShardsOnlyAtTheEndWriter::new, "fullShardOnDisk")
                .mutant("ForgetsLastShardWriter", ForgetsLastShardWriter::new, "lastShardOnClose", "jsonLines")
                .tests();
    }
}
