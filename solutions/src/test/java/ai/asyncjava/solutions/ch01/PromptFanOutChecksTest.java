package ai.asyncjava.solutions.ch01;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch01.Chapter01;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import ai.asyncjava.solutions.ch01.mutants.DefaultOptionsAsyncFanOut;
import ai.asyncjava.solutions.ch01.mutants.FourThreadPoolFanOut;
import ai.asyncjava.solutions.ch01.mutants.InFinishingOrderFanOut;
import ai.asyncjava.solutions.ch01.mutants.LosesTheCauseFanOut;
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

    private static final String IN_ORDER = "returns each answer in the order of its prompt";
    private static final String ALL_IN_FLIGHT = "has all 20 calls in flight at the same time";
    private static final String ABOUT_ONE_CALL = "takes about as long as one call, not as long as all of them";
    private static final String FAILURE = "throws the API's error, with its code, when a call fails";
    private static final String NO_PROMPTS = "returns an empty list for no prompts";

    private interface Factory extends Function<Client.Builder, PromptFanOut> {}

    @TestFactory
    Stream<DynamicTest> checksPassOnVirtualThreadsAndCatchMutants() {
        return MutantProof.<Factory>of(Chapter01.PROMPT_FAN_OUT, "VirtualThreadsFanOut", VirtualThreadsFanOut::new)
                .mutant("InFinishingOrderFanOut", InFinishingOrderFanOut::new, IN_ORDER)
                .mutant("OneAfterAnotherFanOut", OneAfterAnotherFanOut::new, ALL_IN_FLIGHT, ABOUT_ONE_CALL)
                .mutant("DefaultOptionsAsyncFanOut", DefaultOptionsAsyncFanOut::new, ALL_IN_FLIGHT)
                .mutant("FourThreadPoolFanOut", FourThreadPoolFanOut::new, ALL_IN_FLIGHT, ABOUT_ONE_CALL)
                .mutant("SwallowsFailuresFanOut", SwallowsFailuresFanOut::new, FAILURE)
                .mutant("SkipsFailedCallsFanOut", SkipsFailedCallsFanOut::new, FAILURE)
                .mutant("LosesTheCauseFanOut", LosesTheCauseFanOut::new, FAILURE)
                .mutant("PoolSizedToPromptsFanOut", PoolSizedToPromptsFanOut::new, NO_PROMPTS)
                .tests();
    }

    /** The other reference; the mutants above need proving only once. */
    @TestFactory
    Stream<DynamicTest> checksPassOnAsyncFutures() {
        return MutantProof.<Factory>of(Chapter01.PROMPT_FAN_OUT, "AsyncFuturesFanOut", AsyncFuturesFanOut::new)
                .tests().limit(1);
    }
}
