package ai.asyncjava.solutions.ch00;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch00.Chapter00;
import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.solutions.ch00.mutants.GroupByGroupFanOut;
import ai.asyncjava.solutions.ch00.mutants.InFinishingOrderBoundedFanOut;
import ai.asyncjava.solutions.ch00.mutants.OneAtATimeBoundedFanOut;
import ai.asyncjava.solutions.ch00.mutants.ReleaseOnlyOnSuccessFanOut;
import ai.asyncjava.solutions.ch00.mutants.ReleasesAfterTheAnswerFanOut;
import ai.asyncjava.solutions.ch00.mutants.SemaphorePerCallFanOut;
import ai.asyncjava.solutions.ch00.mutants.UnboundedFanOut;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The BoundedFanOut checks pass on the reference solution and each catches a mutant. */
class BoundedFanOutChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<BoundedFanOut>>of(Chapter00.BOUNDED_FAN_OUT, SemaphoreFanOut::new)
                .mutant(InFinishingOrderBoundedFanOut::new, "answersInRequestOrder")
                .mutant(UnboundedFanOut::new, "neverMoreThanTheBound")
                .mutant(SemaphorePerCallFanOut::new, "neverMoreThanTheBound")
                .mutant(OneAtATimeBoundedFanOut::new, "usesTheWholeBound", "noPlaceLeftIdle")
                .mutant(ReleaseOnlyOnSuccessFanOut::new, "permitGivenBackOnFailure")
                .mutant(GroupByGroupFanOut::new, "noPlaceLeftIdle")
                .mutant(ReleasesAfterTheAnswerFanOut::new, "answersInRequestOrder")
                .tests();
    }
}
