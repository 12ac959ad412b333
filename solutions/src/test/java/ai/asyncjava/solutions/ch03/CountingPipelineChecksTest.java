package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch03.Chapter03;
import ai.asyncjava.kit.exercises.ch03.CountingPipeline;
import ai.asyncjava.solutions.ch03.mutants.AllOnPlatformPoolPipeline;
import ai.asyncjava.solutions.ch03.mutants.CachedPoolCountingPipeline;
import ai.asyncjava.solutions.ch03.mutants.CountsOnWorkerThreadPipeline;
import ai.asyncjava.solutions.ch03.mutants.CountsPromptsPipeline;
import ai.asyncjava.solutions.ch03.mutants.NeverShutsCpuPoolPipeline;
import ai.asyncjava.solutions.ch03.mutants.ReturnsBeforeCountsAreInPipeline;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The Going further checks pass on the reference solution and each catches a mutant. */
class CountingPipelineChecksTest {

    static final String COUNTS = "writes every answer and adds up the words of every answer";
    static final String PLATFORM = "counts words on platform threads, never on a virtual thread";
    static final String BOUNDED = "counts at most cpuThreads answers at once";
    static final String IO_VIRTUAL = "reads, calls the model and writes on virtual threads";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<CountingPipeline>>of(Chapter03.COUNTING_PIPELINE, CountingQueuePipeline::new)
                .mutant(CountsPromptsPipeline::new, COUNTS)
                .mutant(ReturnsBeforeCountsAreInPipeline::new, COUNTS)
                .mutant(NeverShutsCpuPoolPipeline::new, COUNTS)
                .mutant(CountsOnWorkerThreadPipeline::new, PLATFORM)
                .mutant(CachedPoolCountingPipeline::new, BOUNDED)
                .mutant(AllOnPlatformPoolPipeline::new, IO_VIRTUAL)
                .tests();
    }
}
