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

    private static final String IN_ORDER = "returns one answer per request, in the order of the requests";
    private static final String BOUNDED = "never has more than maxInFlight calls in flight";
    private static final String WHOLE_BOUND = "keeps maxInFlight calls going: n calls take about ceil(n / maxInFlight) call times";
    private static final String PERMIT_BACK = "gives a permit back when a call fails, so the other calls still run";
    private static final String NO_IDLE_PLACE = "starts a waiting request as soon as a call ends, not group by group";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<BoundedFanOut>>of(Chapter00.BOUNDED_FAN_OUT, SemaphoreFanOut::new)
                .mutant(InFinishingOrderBoundedFanOut::new, IN_ORDER)
                .mutant(UnboundedFanOut::new, BOUNDED)
                .mutant(SemaphorePerCallFanOut::new, BOUNDED)
                .mutant(OneAtATimeBoundedFanOut::new, WHOLE_BOUND, NO_IDLE_PLACE)
                .mutant(ReleaseOnlyOnSuccessFanOut::new, PERMIT_BACK)
                .mutant(GroupByGroupFanOut::new, NO_IDLE_PLACE)
                .mutant(ReleasesAfterTheAnswerFanOut::new, IN_ORDER)
                .tests();
    }
}
