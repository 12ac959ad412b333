package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch04.Chapter04;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.solutions.ch04.mutants.CollectsIntoMapEmbedder;
import ai.asyncjava.solutions.ch04.mutants.OneCallPerTextEmbedder;
import ai.asyncjava.solutions.ch04.mutants.PairsWithLatestBatchEmbedder;
import ai.asyncjava.solutions.ch04.mutants.PassesEndBeforeResultsEmbedder;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The embedding stage checks pass on the reference solution and each catches a mutant. */
class EmbeddingStageChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<EmbeddingStage>>of(Chapter04.EMBEDDING_STAGE, BatchEmbedder::new)
                .mutant(OneCallPerTextEmbedder::new, "makes one embedding call per batch, carrying the whole batch")
                .mutant(CollectsIntoMapEmbedder::new, "passes every text on exactly once")
                .mutant(PairsWithLatestBatchEmbedder::new, "pairs every text with its own embedding")
                .mutant(PassesEndBeforeResultsEmbedder::new,
                        "passes the end marker on exactly once, after the last result, and returns")
                .tests();
    }
}
