package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch03.Chapter03;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.solutions.ch03.mutants.KeepsBlankLinesSource;
import ai.asyncjava.solutions.ch03.mutants.NeverClosesShardsSource;
import ai.asyncjava.solutions.ch03.mutants.ReadsEverythingFirstSource;
import ai.asyncjava.solutions.ch03.mutants.StopsAtEmptyShardSource;
import ai.asyncjava.solutions.ch03.mutants.StopsAtEndOfFirstShardSource;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The shard reader's checks pass on the reference solution and each catches a mutant. */
class SourceChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Function<Path, PromptSource>>of(Chapter03.SOURCE, "ShardFileSource", ShardFileSource::new)
                .mutant("KeepsBlankLinesSource", KeepsBlankLinesSource::new, "everyPrompt")
                .mutant("StopsAtEndOfFirstShardSource", StopsAtEndOfFirstShardSource::new, "everyPrompt")
                .mutant("StopsAtEmptyShardSource", StopsAtEmptyShardSource::new, "skipsEmptyShards")
                .mutant("ReadsEverythingFirstSource", ReadsEverythingFirstSource::new, "readsLazily")
                .mutant("NeverClosesShardsSource", NeverClosesShardsSource::new, "closesShards")
                .tests();
    }
}
