package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch04.Chapter04;
import ai.asyncjava.kit.exercises.ch04.BatcherFactory;
import ai.asyncjava.solutions.ch04.mutants.DropsItemAfterFullBatchBatcher;
import ai.asyncjava.solutions.ch04.mutants.FlushesWhenQueueRunsDryBatcher;
import ai.asyncjava.solutions.ch04.mutants.ForgetsEndMarkerBatcher;
import ai.asyncjava.solutions.ch04.mutants.KeepsReadingAfterEndBatcher;
import ai.asyncjava.solutions.ch04.mutants.LosesLastBatchBatcher;
import ai.asyncjava.solutions.ch04.mutants.OffByOneBatcher;
import ai.asyncjava.solutions.ch04.mutants.RestartsTimerOnEveryItemBatcher;
import ai.asyncjava.solutions.ch04.mutants.ReusesBatchListBatcher;
import ai.asyncjava.solutions.ch04.mutants.SendsEmptyBatchesBatcher;
import ai.asyncjava.solutions.ch04.mutants.SendsEndMarkerTwiceBatcher;
import ai.asyncjava.solutions.ch04.mutants.SendsFullBatchOnNextItemBatcher;
import ai.asyncjava.solutions.ch04.mutants.StartsClockBeforeFirstItemBatcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The size-or-timeout batcher checks pass on the reference solution and each catches a mutant. */
class BatcherChecksTest {

    static final String EXACTLY_ONCE = "sends every item exactly once, in the order it arrived";
    static final String SIZES = "never sends an empty batch, or one larger than the batch size";
    static final String FULL_AT_ONCE = "sends a full batch the moment it fills up";
    static final String TIMEOUT = "never lets an item wait longer than the timeout";
    static final String NOT_EARLY = "sends a partial batch only once its first item has waited the timeout";
    static final String LAST_BATCH = "sends the last, partial batch when the stream ends";
    static final String END_MARKER = "passes the end marker on exactly once, after the last batch, and returns";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<BatcherFactory>of(Chapter04.BATCHER, "SizeOrTimeoutBatcher", SizeOrTimeoutBatcher::new)
                .mutant("DropsItemAfterFullBatchBatcher", DropsItemAfterFullBatchBatcher::new, EXACTLY_ONCE)
                .mutant("ReusesBatchListBatcher", ReusesBatchListBatcher::new, EXACTLY_ONCE)
                .mutant("OffByOneBatcher", OffByOneBatcher::new, SIZES)
                .mutant("SendsEmptyBatchesBatcher", SendsEmptyBatchesBatcher::new, SIZES)
                .mutant("SendsFullBatchOnNextItemBatcher", SendsFullBatchOnNextItemBatcher::new, FULL_AT_ONCE)
                .mutant("RestartsTimerOnEveryItemBatcher", RestartsTimerOnEveryItemBatcher::new, TIMEOUT)
                .mutant("FlushesWhenQueueRunsDryBatcher", FlushesWhenQueueRunsDryBatcher::new, NOT_EARLY)
                .mutant("StartsClockBeforeFirstItemBatcher", StartsClockBeforeFirstItemBatcher::new, NOT_EARLY)
                .mutant("LosesLastBatchBatcher", LosesLastBatchBatcher::new, LAST_BATCH)
                .mutant("ForgetsEndMarkerBatcher", ForgetsEndMarkerBatcher::new, END_MARKER)
                .mutant("SendsEndMarkerTwiceBatcher", SendsEndMarkerTwiceBatcher::new, END_MARKER)
                .mutant("KeepsReadingAfterEndBatcher", KeepsReadingAfterEndBatcher::new, END_MARKER)
                .tests();
    }
}
