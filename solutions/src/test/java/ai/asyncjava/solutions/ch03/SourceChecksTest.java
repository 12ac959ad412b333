package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch03.Chapter03;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.solutions.ch03.mutants.KeepsBlankLinesSource;
import ai.asyncjava.solutions.ch03.mutants.NeverClosesShardsSource;
import ai.asyncjava.solutions.ch03.mutants.ReadsEverythingFirstSource;
import ai.asyncjava.solutions.ch03.mutants.StopsAtEndOfFirstShardSource;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The shard reader's checks pass on the reference solution and each catches a mutant. */
class SourceChecksTest {

    static final String EVERY_PROMPT =
            "hands out every prompt of every shard, each shard's lines in order, then the end";
    static final String LAZY = "opens a shard only when the one before it is used up";
    static final String CLOSES = "closes each shard once it is used up, and the open one on close()";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Function<Path, PromptSource>>of(Chapter03.SOURCE, "ShardFileSource", ShardFileSource::new)
                .mutant("KeepsBlankLinesSource", KeepsBlankLinesSource::new, EVERY_PROMPT)
                .mutant("StopsAtEndOfFirstShardSource", StopsAtEndOfFirstShardSource::new, EVERY_PROMPT)
                .mutant("ReadsEverythingFirstSource", ReadsEverythingFirstSource::new, LAZY)
                .mutant("NeverClosesShardsSource", NeverClosesShardsSource::new, CLOSES)
                .tests();
    }
}
