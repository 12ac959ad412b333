package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch04.Chapter04;
import ai.asyncjava.kit.exercises.ch04.PipelineFactory;
import ai.asyncjava.solutions.ch04.mutants.EmbedsEachTextAlonePipeline;
import ai.asyncjava.solutions.ch04.mutants.EmbedsOnTheBatchersThreadPipeline;
import ai.asyncjava.solutions.ch04.mutants.RunsStagesOneAfterAnotherPipeline;
import ai.asyncjava.solutions.ch04.mutants.SpinningLoggerPipeline;
import ai.asyncjava.solutions.ch04.mutants.WaitsForTheEmbedderNotTheLoggerPipeline;
import ai.asyncjava.solutions.ch04.mutants.WaitsOnlyForTheBatcherPipeline;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The pipeline checks pass on the reference solution and each catches a mutant. */
class PipelineChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<PipelineFactory>of(Chapter04.PIPELINE, "BatchedEmbeddingPipeline", BatchedEmbeddingPipeline::new)
                .mutant("WaitsOnlyForTheBatcherPipeline", WaitsOnlyForTheBatcherPipeline::new,
                        "everyTextOnceBeforeReturn")
                .mutant("EmbedsEachTextAlonePipeline", EmbedsEachTextAlonePipeline::new,
                        "oneCallPerBatch")
                .mutant("RunsStagesOneAfterAnotherPipeline", RunsStagesOneAfterAnotherPipeline::new,
                        "stagesOverlap")
                .mutant("WaitsForTheEmbedderNotTheLoggerPipeline", WaitsForTheEmbedderNotTheLoggerPipeline::new,
                        "everyTextOnceBeforeReturn")
                .mutant("EmbedsOnTheBatchersThreadPipeline", EmbedsOnTheBatchersThreadPipeline::new,
                        "embedsOffTheBatchersThread")
                .mutant("SpinningLoggerPipeline", SpinningLoggerPipeline::new, "waitsWithoutSpinning")
                .tests();
    }
}
