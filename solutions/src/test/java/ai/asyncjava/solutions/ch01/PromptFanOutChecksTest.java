package ai.asyncjava.solutions.ch01;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch01.Chapter01;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import ai.asyncjava.solutions.ch01.mutants.ClientPerCallFanOut;
import ai.asyncjava.solutions.ch01.mutants.DefaultOptionsAsyncFanOut;
import ai.asyncjava.solutions.ch01.mutants.FourThreadPoolFanOut;
import ai.asyncjava.solutions.ch01.mutants.InFinishingOrderFanOut;
import ai.asyncjava.solutions.ch01.mutants.LosesTheCauseFanOut;
import ai.asyncjava.solutions.ch01.mutants.NeverClosesFanOut;
import ai.asyncjava.solutions.ch01.mutants.OneAfterAnotherFanOut;
import ai.asyncjava.solutions.ch01.mutants.PoolSizedToPromptsFanOut;
import ai.asyncjava.solutions.ch01.mutants.SkipsFailedCallsFanOut;
import ai.asyncjava.solutions.ch01.mutants.SwallowsFailuresFanOut;
import com.google.genai.Client;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The PromptFanOut checks pass on both reference solutions and each catches a mutant. */
class PromptFanOutChecksTest {

    private interface Factory extends Function<Client.Builder, PromptFanOut> {}

    @TestFactory
    Stream<DynamicTest> checksPassOnVirtualThreadsAndCatchMutants() {
        return MutantProof.<Factory>of(Chapter01.PROMPT_FAN_OUT, "VirtualThreadsFanOut", VirtualThreadsFanOut::new)
                .mutant("InFinishingOrderFanOut", InFinishingOrderFanOut::new, "answersInPromptOrder")
                .mutant("OneAfterAnotherFanOut", OneAfterAnotherFanOut::new, "allCallsInFlightAtOnce", "takesAboutOneCall")
                .mutant("DefaultOptionsAsyncFanOut", DefaultOptionsAsyncFanOut::new, "allCallsInFlightAtOnce")
                .mutant("FourThreadPoolFanOut", FourThreadPoolFanOut::new, "allCallsInFlightAtOnce", "takesAboutOneCall")
                .mutant("SwallowsFailuresFanOut", SwallowsFailuresFanOut::new, "failureReachesTheCaller")
                .mutant("SkipsFailedCallsFanOut", SkipsFailedCallsFanOut::new, "failureReachesTheCaller")
                .mutant("LosesTheCauseFanOut", LosesTheCauseFanOut::new, "failureReachesTheCaller")
                .mutant("PoolSizedToPromptsFanOut", PoolSizedToPromptsFanOut::new, "noPrompts")
                .mutant("NeverClosesFanOut", NeverClosesFanOut::new, "closesTheClientItBuilt")
                .mutant("ClientPerCallFanOut", ClientPerCallFanOut::new, "closesTheClientItBuilt")
                .tests();
    }

    /** The other reference; the mutants above need proving only once. */
    @TestFactory
    Stream<DynamicTest> checksPassOnAsyncFutures() {
        return MutantProof.<Factory>of(Chapter01.PROMPT_FAN_OUT, "AsyncFuturesFanOut", AsyncFuturesFanOut::new)
                .tests().limit(1);
    }
}
