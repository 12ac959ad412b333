package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch04.Chapter04;
import ai.asyncjava.kit.exercises.ch04.BatcherFactory;
import ai.asyncjava.solutions.ch04.mutants.ComparesGapWithMaxWaitBatcher;
import ai.asyncjava.solutions.ch04.mutants.EstimatesPaceOnceBatcher;
import ai.asyncjava.solutions.ch04.mutants.GrowsPastMaxWhenFastBatcher;
import ai.asyncjava.solutions.ch04.mutants.NeverAdaptsBatcher;
import ai.asyncjava.solutions.ch04.mutants.SendsEachItemAtOnceBatcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The adaptive batcher checks pass on the reference solution and each catches a mutant. */
class AdaptiveBatcherChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<BatcherFactory>of(Chapter04.ADAPTIVE_BATCHER, "AdaptiveBatcher", AdaptiveBatcher::new)
                .mutant("SendsEachItemAtOnceBatcher", SendsEachItemAtOnceBatcher::new,
                        "fullBatchesWhenFast")
                .mutant("NeverAdaptsBatcher", NeverAdaptsBatcher::new,
                        "noPointlessWaitWhenSlow")
                .mutant("EstimatesPaceOnceBatcher", EstimatesPaceOnceBatcher::new,
                        "followsChangesOfPace")
                .mutant("ComparesGapWithMaxWaitBatcher", ComparesGapWithMaxWaitBatcher::new,
                        "judgesTheTimeLeftNotTheWholeWait")
                .mutant("GrowsPastMaxWhenFastBatcher", GrowsPastMaxWhenFastBatcher::new,
                        "keepsTheLimits")
                .tests();
    }
}
