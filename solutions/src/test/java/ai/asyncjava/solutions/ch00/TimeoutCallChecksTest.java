package ai.asyncjava.solutions.ch00;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch00.Chapter00;
import ai.asyncjava.kit.exercises.ch00.TimeoutCall;
import ai.asyncjava.solutions.ch00.mutants.EveryFailureIsATimeoutCall;
import ai.asyncjava.solutions.ch00.mutants.NeverCancelsTimeoutCall;
import ai.asyncjava.solutions.ch00.mutants.OrTimeoutTimeoutCall;
import ai.asyncjava.solutions.ch00.mutants.SleepsOutTheTimeoutCall;
import ai.asyncjava.solutions.ch00.mutants.WaitsForTheAnswerTimeoutCall;
import ai.asyncjava.solutions.ch00.mutants.WholeSecondsTimeoutCall;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The TimeoutCall checks pass on the reference solution and each catches a mutant. */
class TimeoutCallChecksTest {

    private static final String IN_TIME = "returns the answer as soon as it comes, when it comes in time";
    private static final String ON_TIME = "throws TimeoutException when the timeout runs out, not before and not much after";
    private static final String STOPPED = "stops the slow call: its thread is interrupted and the call ends";
    private static final String FAILURE = "lets the call's own failure through, not as a timeout";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<TimeoutCall>>of(Chapter00.TIMEOUT_CALL, CancellingTimeoutCall::new)
                .mutant(SleepsOutTheTimeoutCall::new, IN_TIME)
                .mutant(WaitsForTheAnswerTimeoutCall::new, ON_TIME, STOPPED)
                .mutant(WholeSecondsTimeoutCall::new, ON_TIME)
                .mutant(NeverCancelsTimeoutCall::new, STOPPED)
                .mutant(OrTimeoutTimeoutCall::new, STOPPED)
                .mutant(EveryFailureIsATimeoutCall::new, FAILURE)
                .tests();
    }
}
