package ai.asyncjava.solutions.ch00;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch00.Chapter00;
import ai.asyncjava.kit.exercises.ch00.FirstAnswers;
import ai.asyncjava.solutions.ch00.mutants.InRequestOrderFirstAnswers;
import ai.asyncjava.solutions.ch00.mutants.LeavesTheRestRunningFirstAnswers;
import ai.asyncjava.solutions.ch00.mutants.StopsAtTheFirstFailureFirstAnswers;
import ai.asyncjava.solutions.ch00.mutants.WaitsForAllFirstAnswers;
import ai.asyncjava.solutions.ch00.mutants.WaitsForeverFirstAnswers;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The FirstAnswers checks pass on the reference solution and each catches a mutant. */
class FirstAnswersChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<FirstAnswers>>of(Chapter00.FIRST_ANSWERS, CompletionServiceFirstAnswers::new)
                .mutant(InRequestOrderFirstAnswers::new, "firstToArrive")
                .mutant(WaitsForAllFirstAnswers::new, "returnsEarly", "stopsTheRest")
                .mutant(LeavesTheRestRunningFirstAnswers::new, "stopsTheRest")
                .mutant(StopsAtTheFirstFailureFirstAnswers::new, "skipsFailures")
                .mutant(WaitsForeverFirstAnswers::new, "tooManyFailures")
                .tests();
    }
}
