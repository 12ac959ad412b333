package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch03.Chapter03;
import ai.asyncjava.kit.exercises.ch03.Pipeline;
import ai.asyncjava.solutions.ch03.mutants.InterruptsWorkersWhenQueueIsEmptyPipeline;
import ai.asyncjava.solutions.ch03.mutants.LeavesPoolRunningPipeline;
import ai.asyncjava.solutions.ch03.mutants.NoBreakAfterSuccessPipeline;
import ai.asyncjava.solutions.ch03.mutants.OnePoisonPillPipeline;
import ai.asyncjava.solutions.ch03.mutants.OneWorkerPipeline;
import ai.asyncjava.solutions.ch03.mutants.QuitsWhenQueueIsEmptyPipeline;
import ai.asyncjava.solutions.ch03.mutants.SharedPromptFieldPipeline;
import ai.asyncjava.solutions.ch03.mutants.SkipsFailedPromptsPipeline;
import ai.asyncjava.solutions.ch03.mutants.ThreadPerPromptPipeline;
import ai.asyncjava.solutions.ch03.mutants.UnboundedQueuesPipeline;
import ai.asyncjava.solutions.ch03.mutants.WritesFromWorkersPipeline;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The pipeline checks pass on the reference solution and each catches a mutant. */
class PipelineChecksTest {

    static final String EVERY_PROMPT_ONCE = "writes every prompt's answer exactly once, beside its own prompt";
    static final String RETRIES = "tries a failed call again until every prompt is answered";
    static final String ONE_WRITER = "writes from one thread at a time";
    static final String BACKPRESSURE = "reads at most 2 × queue size + workers + 2 prompts ahead of the writer";
    static final String WORKERS_IN_FLIGHT = "has exactly as many calls in flight as there are workers";
    static final String SLOW_SOURCE = "waits through pauses in the source and stops only at its end";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<Pipeline>>of(Chapter03.PIPELINE, QueuePipeline::new)
                .mutant(NoBreakAfterSuccessPipeline::new, EVERY_PROMPT_ONCE)
                .mutant(SharedPromptFieldPipeline::new, EVERY_PROMPT_ONCE)
                .mutant(InterruptsWorkersWhenQueueIsEmptyPipeline::new, EVERY_PROMPT_ONCE)
                .mutant(OnePoisonPillPipeline::new, EVERY_PROMPT_ONCE)
                .mutant(LeavesPoolRunningPipeline::new, EVERY_PROMPT_ONCE)
                .mutant(SkipsFailedPromptsPipeline::new, RETRIES)
                .mutant(WritesFromWorkersPipeline::new, ONE_WRITER)
                .mutant(UnboundedQueuesPipeline::new, BACKPRESSURE)
                .mutant(OneWorkerPipeline::new, WORKERS_IN_FLIGHT)
                .mutant(ThreadPerPromptPipeline::new, WORKERS_IN_FLIGHT)
                .mutant(QuitsWhenQueueIsEmptyPipeline::new, SLOW_SOURCE)
                .tests();
    }
}
