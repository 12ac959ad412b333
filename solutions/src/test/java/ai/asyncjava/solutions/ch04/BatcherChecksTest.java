package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch04.Chapter04;
import ai.asyncjava.kit.exercises.ch04.BatcherFactory;
import ai.asyncjava.solutions.ch04.mutants.DrainsAndDropsRestBatcher;
import ai.asyncjava.solutions.ch04.mutants.DropsItemAfterFullBatchBatcher;
import ai.asyncjava.solutions.ch04.mutants.FlushesWhenQueueRunsDryBatcher;
import ai.asyncjava.solutions.ch04.mutants.ForgetsEndMarkerBatcher;
import ai.asyncjava.solutions.ch04.mutants.KeepsReadingAfterEndBatcher;
import ai.asyncjava.solutions.ch04.mutants.LosesLastBatchBatcher;
import ai.asyncjava.solutions.ch04.mutants.OffByOneBatcher;
import ai.asyncjava.solutions.ch04.mutants.OffersToFullQueueBatcher;
import ai.asyncjava.solutions.ch04.mutants.RestartsTimerOnEveryItemBatcher;
import ai.asyncjava.solutions.ch04.mutants.ReusesBatchListBatcher;
import ai.asyncjava.solutions.ch04.mutants.SendsEmptyBatchesBatcher;
import ai.asyncjava.solutions.ch04.mutants.SendsEndMarkerTwiceBatcher;
import ai.asyncjava.solutions.ch04.mutants.SendsFullBatchOnNextItemBatcher;
import ai.asyncjava.solutions.ch04.mutants.SpinsOnPollBatcher;
import ai.asyncjava.solutions.ch04.mutants.SpinsWhileBatchPendingBatcher;
import ai.asyncjava.solutions.ch04.mutants.StartsClockBeforeFirstItemBatcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The size-or-timeout batcher checks pass on the reference solution and on DrainToBatcher, and each catches a mutant. */
class BatcherChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<BatcherFactory>of(Chapter04.BATCHER, "SizeOrTimeoutBatcher", SizeOrTimeoutBatcher::new)
                .mutant("DropsItemAfterFullBatchBatcher", DropsItemAfterFullBatchBatcher::new, "everyItemOnceInOrder")
                .mutant("ReusesBatchListBatcher", ReusesBatchListBatcher::new, "everyItemOnceInOrder")
                .mutant("OffByOneBatcher", OffByOneBatcher::new, "batchSizesWithinLimits")
                .mutant("SendsEmptyBatchesBatcher", SendsEmptyBatchesBatcher::new, "batchSizesWithinLimits")
                .mutant("SendsFullBatchOnNextItemBatcher", SendsFullBatchOnNextItemBatcher::new, "fullBatchAtOnce")
                .mutant("RestartsTimerOnEveryItemBatcher", RestartsTimerOnEveryItemBatcher::new, "noItemWaitsPastTheTimeout")
                .mutant("FlushesWhenQueueRunsDryBatcher", FlushesWhenQueueRunsDryBatcher::new, "noPrematurePartialBatch")
                .mutant("StartsClockBeforeFirstItemBatcher", StartsClockBeforeFirstItemBatcher::new, "noPrematurePartialBatch")
                .mutant("LosesLastBatchBatcher", LosesLastBatchBatcher::new, "lastBatchAtTheEnd")
                .mutant("ForgetsEndMarkerBatcher", ForgetsEndMarkerBatcher::new, "endMarkerOnceAndReturn")
                .mutant("SendsEndMarkerTwiceBatcher", SendsEndMarkerTwiceBatcher::new, "endMarkerOnceAndReturn")
                .mutant("KeepsReadingAfterEndBatcher", KeepsReadingAfterEndBatcher::new, "endMarkerOnceAndReturn")
                .mutant("DrainsAndDropsRestBatcher", DrainsAndDropsRestBatcher::new, "burstArrivingAtOnce")
                .mutant("OffersToFullQueueBatcher", OffersToFullQueueBatcher::new, "slowConsumer")
                .mutant("SpinsOnPollBatcher", SpinsOnPollBatcher::new, "waitsWithoutSpinning")
                .mutant("SpinsWhileBatchPendingBatcher", SpinsWhileBatchPendingBatcher::new, "waitsWithoutSpinning")
                .tests();
    }

    /** A correct batcher written another way (drainTo); the mutants above need proving only once. */
    @TestFactory
    Stream<DynamicTest> checksPassOnADrainToBatcher() {
        return MutantProof.<BatcherFactory>of(Chapter04.BATCHER, "DrainToBatcher", DrainToBatcher::new).passingTests();
    }
}
