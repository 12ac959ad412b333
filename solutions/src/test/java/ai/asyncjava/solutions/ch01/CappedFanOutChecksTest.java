package ai.asyncjava.solutions.ch01;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch01.Chapter01;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import ai.asyncjava.solutions.ch01.mutants.BatchesOfCapFanOut;
import ai.asyncjava.solutions.ch01.mutants.CappedInFinishingOrderFanOut;
import ai.asyncjava.solutions.ch01.mutants.UncappedFanOut;
import com.google.genai.Client;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The going-further checks pass on CappedFanOut and each catches a mutant. */
class CappedFanOutChecksTest {

    private interface Factory extends BiFunction<Client.Builder, Integer, PromptFanOut> {}

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Factory>of(Chapter01.CAPPED_FAN_OUT, "CappedFanOut", CappedFanOut::new)
                .mutant("UncappedFanOut", UncappedFanOut::new, "neverAboveTheCap")
                .mutant("BatchesOfCapFanOut", BatchesOfCapFanOut::new, "keepsTheCapBusy")
                .mutant("CappedInFinishingOrderFanOut", CappedInFinishingOrderFanOut::new,
                        "answersInPromptOrder")
                .tests();
    }
}
