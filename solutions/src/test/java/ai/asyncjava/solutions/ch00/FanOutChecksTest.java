package ai.asyncjava.solutions.ch00;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch00.Chapter00;
import ai.asyncjava.kit.exercises.ch00.FanOut;
import ai.asyncjava.solutions.ch00.mutants.FourThreadPoolFanOut;
import ai.asyncjava.solutions.ch00.mutants.GivesUpWithoutWaitingFanOut;
import ai.asyncjava.solutions.ch00.mutants.InFinishingOrderFanOut;
import ai.asyncjava.solutions.ch00.mutants.OneAfterAnotherFanOut;
import ai.asyncjava.solutions.ch00.mutants.PoolPerRequestFanOut;
import ai.asyncjava.solutions.ch00.mutants.SwallowsFailuresFanOut;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The FanOut checks pass on the reference solution and each catches a mutant. */
class FanOutChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<FanOut>>of(Chapter00.FAN_OUT, VirtualThreadFanOut::new)
                .mutant(InFinishingOrderFanOut::new, "answersInRequestOrder")
                .mutant(OneAfterAnotherFanOut::new, "callsRunConcurrently")
                .mutant(FourThreadPoolFanOut::new, "callsRunConcurrently")
                .mutant(GivesUpWithoutWaitingFanOut::new, "failureReachesTheCaller")
                .mutant(SwallowsFailuresFanOut::new, "failureReachesTheCaller")
                .mutant(PoolPerRequestFanOut::new, "noRequests")
                .tests();
    }
}
