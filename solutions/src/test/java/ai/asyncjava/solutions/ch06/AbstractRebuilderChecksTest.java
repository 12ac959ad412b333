package ai.asyncjava.solutions.ch06;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch06.Chapter06;
import ai.asyncjava.kit.exercises.ch06.AbstractRebuilder;
import ai.asyncjava.solutions.ch06.mutants.FlawedRebuilder;
import ai.asyncjava.solutions.ch06.mutants.FlawedRebuilder.Flaw;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The abstract rebuilder's checks pass on the reference and each catches a mistake, the guide's own among them. */
class AbstractRebuilderChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<? extends AbstractRebuilder>>of(Chapter06.ABSTRACTS, "InvertedIndexAbstract",
                        InvertedIndexAbstract::new)
                .mutant("MapOrderRebuilder", flawed(Flaw.MAP_ORDER), "wordsInOrder")
                .mutant("FirstPositionOnlyRebuilder", flawed(Flaw.FIRST_POSITION_ONLY), "repeatedWords")
                .mutant("PythonPortRebuilder", flawed(Flaw.PYTHON_PORT), "gaps")
                .mutant("NullCrashesRebuilder", flawed(Flaw.NULL_CRASHES), "emptyIndex")
                .mutant("NoRealAbstracts", () -> index -> index == null || index.isEmpty() ? ""
                        : String.join(" ", new java.util.TreeMap<>(index).keySet()), "realAbstracts")
                .tests();
    }

    private static Supplier<? extends AbstractRebuilder> flawed(Flaw flaw) {
        return () -> new FlawedRebuilder(flaw);
    }
}
