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

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<TimeoutCall>>of(Chapter00.TIMEOUT_CALL, CancellingTimeoutCall::new)
                .mutant(SleepsOutTheTimeoutCall::new, "answerInTime")
                .mutant(WaitsForTheAnswerTimeoutCall::new, "timeoutOnTime", "slowCallIsStopped")
                .mutant(WholeSecondsTimeoutCall::new, "timeoutOnTime")
                .mutant(NeverCancelsTimeoutCall::new, "slowCallIsStopped")
                .mutant(OrTimeoutTimeoutCall::new, "slowCallIsStopped")
                .mutant(EveryFailureIsATimeoutCall::new, "failureIsNotATimeout")
                .tests();
    }
}
