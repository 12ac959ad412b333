package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch03.Chapter03;
import ai.asyncjava.kit.exercises.ch03.CountingPipeline;
import ai.asyncjava.solutions.ch03.mutants.AllOnPlatformPoolPipeline;
import ai.asyncjava.solutions.ch03.mutants.CachedPoolCountingPipeline;
import ai.asyncjava.solutions.ch03.mutants.CountsOnWorkerThreadPipeline;
import ai.asyncjava.solutions.ch03.mutants.CountsPromptsPipeline;
import ai.asyncjava.solutions.ch03.mutants.HashMapTotalsPipeline;
import ai.asyncjava.solutions.ch03.mutants.NeverShutsCpuPoolPipeline;
import ai.asyncjava.solutions.ch03.mutants.ReturnsBeforeCountsAreInPipeline;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The Going further checks pass on the reference solution and each catches a mutant. */
class CountingPipelineChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<CountingPipeline>>of(Chapter03.COUNTING_PIPELINE, CountingQueuePipeline::new)
                .mutant(CountsPromptsPipeline::new, "countsEveryAnswer")
                .mutant(HashMapTotalsPipeline::new, "countsEveryAnswer")
                .mutant(ReturnsBeforeCountsAreInPipeline::new, "countsEveryAnswer")
                .mutant(NeverShutsCpuPoolPipeline::new, "countsEveryAnswer")
                .mutant(CountsOnWorkerThreadPipeline::new, "countsOnPlatformThreads")
                .mutant(CachedPoolCountingPipeline::new, "boundedCpuPool")
                .mutant(AllOnPlatformPoolPipeline::new, "ioOnVirtualThreads")
                .tests();
    }
}
