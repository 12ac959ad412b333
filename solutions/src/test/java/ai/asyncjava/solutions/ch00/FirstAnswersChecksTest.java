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

    private static final String FIRST = "returns the first answers to arrive, in the order they arrived";
    private static final String EARLY = "returns as soon as it has enough answers";
    private static final String STOPS = "stops the calls it no longer needs";
    private static final String SKIPS = "skips a failed call and takes the next answer";
    private static final String GIVES_UP = "fails, instead of waiting for ever, when too many calls fail";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<FirstAnswers>>of(Chapter00.FIRST_ANSWERS, CompletionServiceFirstAnswers::new)
                .mutant(InRequestOrderFirstAnswers::new, FIRST)
                .mutant(WaitsForAllFirstAnswers::new, EARLY, STOPS)
                .mutant(LeavesTheRestRunningFirstAnswers::new, STOPS)
                .mutant(StopsAtTheFirstFailureFirstAnswers::new, SKIPS)
                .mutant(WaitsForeverFirstAnswers::new, GIVES_UP)
                .tests();
    }
}
