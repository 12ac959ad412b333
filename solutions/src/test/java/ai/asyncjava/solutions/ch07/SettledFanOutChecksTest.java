package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch07.Chapter07;
import ai.asyncjava.kit.exercises.ch07.SettledFanOut;
import ai.asyncjava.solutions.ch07.mutants.FlawedSettledFanOut;
import ai.asyncjava.solutions.ch07.mutants.FlawedSettledFanOut.Flaw;
import com.google.genai.Client;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The settled fan-out's checks pass on the reference and each catches a learner's mistake. */
class SettledFanOutChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Function<Client, SettledFanOut>>of(Chapter07.SETTLED_FAN_OUT, "SettleAllFanOut",
                        SettleAllFanOut::new)
                .mutant("InFinishingOrderSettledFanOut", flawed(Flaw.IN_FINISHING_ORDER), "answersInPromptOrder")
                .mutant("ThrowsFirstFailureSettledFanOut", flawed(Flaw.THROWS_FIRST_FAILURE), "failuresCostOnlyTheirOwnAnswer")
                .mutant("CancelsTheRestSettledFanOut", flawed(Flaw.CANCELS_THE_REST), "failuresCostOnlyTheirOwnAnswer")
                .mutant("KeepsExecutionExceptionSettledFanOut", flawed(Flaw.KEEPS_EXECUTION_EXCEPTION),
                        "failuresCostOnlyTheirOwnAnswer")
                .mutant("SkipsFailuresSettledFanOut", flawed(Flaw.SKIPS_FAILURES), "failuresCostOnlyTheirOwnAnswer")
                .mutant("OneAtATimeSettledFanOut", flawed(Flaw.ONE_AT_A_TIME), "allCallsAtOnce")
                .mutant("IgnoresInterruptSettledFanOut", flawed(Flaw.IGNORES_INTERRUPT), "stopsWhenInterrupted")
                .mutant("SwallowsInterruptSettledFanOut", flawed(Flaw.SWALLOWS_INTERRUPT), "stopsWhenInterrupted")
                .mutant("NullForNoneSettledFanOut", flawed(Flaw.NULL_FOR_NONE), "noPrompts")
                .tests();
    }

    private static Function<Client, SettledFanOut> flawed(Flaw flaw) {
        return client -> new FlawedSettledFanOut(client, flaw);
    }
}
