package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch03.Chapter03;
import ai.asyncjava.kit.exercises.ch03.Pipeline;
import ai.asyncjava.solutions.ch03.mutants.CatchesExceptionWorkerPipeline;
import ai.asyncjava.solutions.ch03.mutants.InterruptsWorkersWhenQueueIsEmptyPipeline;
import ai.asyncjava.solutions.ch03.mutants.LeavesPoolRunningPipeline;
import ai.asyncjava.solutions.ch03.mutants.NoBreakAfterSuccessPipeline;
import ai.asyncjava.solutions.ch03.mutants.OnePoisonPillPipeline;
import ai.asyncjava.solutions.ch03.mutants.OneWorkerPipeline;
import ai.asyncjava.solutions.ch03.mutants.QuitsWhenQueueIsEmptyPipeline;
import ai.asyncjava.solutions.ch03.mutants.RetriesForeverPipeline;
import ai.asyncjava.solutions.ch03.mutants.RetriesThreeTimesPipeline;
import ai.asyncjava.solutions.ch03.mutants.ReturnsBeforeWriterFinishesPipeline;
import ai.asyncjava.solutions.ch03.mutants.SharedPromptFieldPipeline;
import ai.asyncjava.solutions.ch03.mutants.SkipsFailedPromptsPipeline;
import ai.asyncjava.solutions.ch03.mutants.SpinningWorkersPipeline;
import ai.asyncjava.solutions.ch03.mutants.SpinningWriterPipeline;
import ai.asyncjava.solutions.ch03.mutants.ThreadPerPromptPipeline;
import ai.asyncjava.solutions.ch03.mutants.UnboundedQueuesPipeline;
import ai.asyncjava.solutions.ch03.mutants.WritesFromWorkersPipeline;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The pipeline checks pass on the reference solution and each catches a mutant. */
class PipelineChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<Pipeline>>of(Chapter03.PIPELINE, QueuePipeline::new)
                .mutant(NoBreakAfterSuccessPipeline::new, "everyPromptOnce")
                .mutant(SharedPromptFieldPipeline::new, "everyPromptOnce")
                .mutant(InterruptsWorkersWhenQueueIsEmptyPipeline::new, "everyPromptOnce")
                .mutant(OnePoisonPillPipeline::new, "everyPromptOnce")
                .mutant(LeavesPoolRunningPipeline::new, "everyPromptOnce")
                .mutant(SkipsFailedPromptsPipeline::new, "retriesFailedCalls")
                .mutant(WritesFromWorkersPipeline::new, "oneWriter")
                .mutant(UnboundedQueuesPipeline::new, "backpressure")
                .mutant(OneWorkerPipeline::new, "workersInFlight")
                .mutant(ThreadPerPromptPipeline::new, "workersInFlight")
                .mutant(QuitsWhenQueueIsEmptyPipeline::new, "slowSource")
                .mutant(RetriesThreeTimesPipeline::new, "retriesUntilAnswered", "permanentFailureSurfaces")
                .mutant(RetriesForeverPipeline::new, "permanentFailureSurfaces", "badRequestNotRetried")
                .mutant(SpinningWorkersPipeline::new, "noBusyWaiting")
                .mutant(SpinningWriterPipeline::new, "noBusyWaiting")
                .mutant(CatchesExceptionWorkerPipeline::new, "cancelStopsEveryStage")
                .mutant(ReturnsBeforeWriterFinishesPipeline::new, "backpressure")
                .tests();
    }
}
