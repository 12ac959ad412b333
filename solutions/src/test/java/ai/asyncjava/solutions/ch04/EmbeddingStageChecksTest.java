package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch04.Chapter04;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.solutions.ch04.mutants.CollectsIntoMapEmbedder;
import ai.asyncjava.solutions.ch04.mutants.DeduplicatesTextsEmbedder;
import ai.asyncjava.solutions.ch04.mutants.OneCallPerTextEmbedder;
import ai.asyncjava.solutions.ch04.mutants.PairsWithLatestBatchEmbedder;
import java.util.function.Supplier;
import ai.asyncjava.solutions.ch04.mutants.PassesEndBeforeResultsEmbedder;
import ai.asyncjava.solutions.ch04.mutants.SpinsOnPollEmbedder;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The embedding stage checks pass on the reference solution and on ZipsByPositionEmbedder, and each catches a mutant. */
class EmbeddingStageChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<EmbeddingStage>>of(Chapter04.EMBEDDING_STAGE, BatchEmbedder::new)
                .mutant(OneCallPerTextEmbedder::new, "oneCallPerBatch")
                .mutant(CollectsIntoMapEmbedder::new, "everyTextOnce")
                .mutant(PairsWithLatestBatchEmbedder::new, "ownEmbeddings")
                .mutant(PassesEndBeforeResultsEmbedder::new,
                        "endMarkerOnceAndReturn")
                .mutant(DeduplicatesTextsEmbedder::new, "oneCallPerBatch")
                .mutant(SpinsOnPollEmbedder::new, "waitsWithoutSpinning")
                .tests();
    }

    /** A correct stage that pairs by walking texts and embeddings side by side; the mutants above need proving only once. */
    @TestFactory
    Stream<DynamicTest> checksPassOnAStageThatZipsByPosition() {
        return MutantProof.<Supplier<EmbeddingStage>>of(Chapter04.EMBEDDING_STAGE, ZipsByPositionEmbedder::new)
                .passingTests();
    }
}
