package ai.asyncjava.kit.checks.ch04;

import static ai.asyncjava.kit.checks.Wording.count;
import static ai.asyncjava.kit.checks.Wording.millis;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch04.BatchTrace;
import ai.asyncjava.kit.exercises.ch04.BatcherFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of the adaptive batcher (going further). The contract: like the
 * size-or-timeout batcher it sends a batch when it holds {@code maxBatchSize} items or its
 * first item has waited {@code maxWait}; and it also sends at once when the next item is not
 * expected before that deadline, judging by the gap between recent arrivals. The checks play
 * steady stretches of fast or slow arrivals and give the batcher {@link #SETTLING} items
 * after each change of pace to notice it.
 */
@HiddenChecks(secondsPerCheck = 4)
class AdaptiveBatcherChecks {

    /** Items after a change of pace that are not judged: the batcher needs two arrivals to see a gap. */
    static final int SETTLING = 2;
    /** A slow stretch: gaps so far over the max wait that a late wake-up cannot make one look short. */
    static final long SLOW_GAP_MS = 280;
    static final Duration SLOW_MAX_WAIT = Duration.ofMillis(150);
    /**
     * A stretch with gaps between: shorter than the max wait, so a batch's first item may wait
     * for a second, but longer than what is left of the deadline after that second item.
     */
    static final long MIDDLE_GAP_MS = 380;
    static final Duration MIDDLE_MAX_WAIT = Duration.ofMillis(600);

    @Test
    @Order(1)
    @DisplayName("sends full batches while items arrive fast")
    void fullBatchesWhenFast(BatcherFactory newBatcher) throws Throwable {
        ArrivalScript fast = new ArrivalScript().items(24, 10).endAfter(100);
        BatcherRun run = BatcherRun.play(newBatcher, 6, Duration.ofMillis(400), fast, false).requireIntact();
        for (BatchTrace.Batch<String> batch : run.trace.batches()) {
            boolean settled = batch.items().stream().anyMatch(item -> indexOf(item) >= SETTLING);
            if (batch.kind() == BatchTrace.Kind.PARTIAL && settled) {
                fail("Items arrived every 10 ms, so a batch of 6 fills in about 50 ms, well within the max wait of "
                        + "400 ms; yet batch " + batch.number() + " went out with " + count(batch.size(), "item")
                        + ". While the next item is due before the deadline, keep filling the batch.");
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("sends at once when the next item cannot arrive before the deadline")
    void noPointlessWaitWhenSlow(BatcherFactory newBatcher) throws Throwable {
        ArrivalScript slow = new ArrivalScript().items(6, SLOW_GAP_MS).endAfter(100);
        BatcherRun run = BatcherRun.play(newBatcher, 6, SLOW_MAX_WAIT, slow, false).requireIntact();
        requireNoPointlessWait(run, run.trace.arrivals().subList(SETTLING, 6));
    }

    @Test
    @Order(3)
    @DisplayName("adapts within two items when the arrival rate changes")
    void followsChangesOfPace(BatcherFactory newBatcher) throws Throwable {
        // Slow (2 items), fast (13 items, 10 ms apart), slow again (4 items).
        ArrivalScript changing = new ArrivalScript().items(2, SLOW_GAP_MS).pause(SLOW_GAP_MS).items(13, 10)
                .pause(SLOW_GAP_MS).items(4, SLOW_GAP_MS).endAfter(100);
        BatcherRun run = BatcherRun.play(newBatcher, 6, SLOW_MAX_WAIT, changing, false).requireIntact();
        List<BatchTrace.Arrival<String>> items = run.trace.arrivals();
        // While the fast stretch lasts, every batch holding its settled items must fill up; the
        // batch holding its tail may go partial once the pace drops again.
        double fastStretchEnds = items.get(14).arrivedMs();
        for (BatchTrace.Arrival<String> item : items.subList(2 + SETTLING, 15)) {
            BatchTrace.Batch<String> batch = run.trace.batches().get(item.batch() - 1);
            if (batch.size() < run.batchSize && batch.sentMs() < fastStretchEnds) {
                fail("After two slow items, 13 items came 10 ms apart; from the third of them on, batches should "
                        + "fill up to 6 while they keep coming, but " + item.item() + " went out in batch "
                        + batch.number() + " with " + count(batch.size(), "item") + ". Estimate the pace from recent "
                        + "arrivals, not once for good.");
            }
        }
        requireNoPointlessWait(run, items.subList(15 + SETTLING, 19));
    }

    @Test
    @Order(4)
    @DisplayName("sends at once when the next item is due after the batch's deadline, even with gaps below maxWait")
    void judgesTheTimeLeftNotTheWholeWait(BatcherFactory newBatcher) throws Throwable {
        // Gaps of 380 ms against a max wait of 600 ms: a batch's first item waits for the next
        // (due in 380 ms, before its deadline), but then the third would come 760 ms after the
        // first, after the deadline: the pair should go at once, not when the 600 ms are up.
        ArrivalScript middle = new ArrivalScript().items(6, MIDDLE_GAP_MS).endAfter(100);
        BatcherRun run = BatcherRun.play(newBatcher, 6, MIDDLE_MAX_WAIT, middle, false).requireIntact();
        for (BatchTrace.Arrival<String> item : run.trace.arrivals().subList(SETTLING, 6)) {
            BatchTrace.Batch<String> batch = run.trace.batches().get(item.batch() - 1);
            double nextDue = item.arrivedMs() + MIDDLE_GAP_MS;
            double deadline = batch.firstArrivalMs() + MIDDLE_MAX_WAIT.toMillis();
            if (nextDue > deadline && item.waitMs() > Tolerances.Ch04.AT_ONCE.millis()) {
                fail("Items came " + MIDDLE_GAP_MS + " ms apart with a max wait of " + Wording.duration(MIDDLE_MAX_WAIT)
                        + ". " + item.item() + " joined a batch whose first item had arrived "
                        + millis(item.arrivedMs() - batch.firstArrivalMs()) + " before it, so the next item, due "
                        + MIDDLE_GAP_MS + " ms later, would come after that batch's deadline; yet it waited "
                        + millis(item.waitMs()) + ". Compare the gap with the time left until the batch's deadline, "
                        + "not with the whole max wait (allowed: " + Tolerances.Ch04.AT_ONCE + " on a busy machine).");
            }
        }
    }

    @Test
    @Order(5)
    @DisplayName("never sends more than maxBatchSize, and no item waits longer than maxWait")
    void keepsTheLimits(BatcherFactory newBatcher) throws Throwable {
        Duration maxWait = Duration.ofMillis(300);
        ArrivalScript stream = new ArrivalScript().items(16, 10).pause(400).items(5, 120).endAfter(400);
        BatcherRun run = BatcherRun.play(newBatcher, 4, maxWait, stream, false).requireIntact();
        run.requireBatchesWithinSize("maxBatchSize", "Adapting may shorten the wait, never raise the limit.");
        run.requireWaitsWithin("maxWait",
                "Send a batch by its deadline, however the pace looks.");
    }

    /** The place of an item in arrival order, from its name {@code item-07}. */
    private static int indexOf(String item) {
        return Integer.parseInt(item.substring(item.indexOf('-') + 1)) - 1;
    }

    /**
     * Items arriving {@link #SLOW_GAP_MS} apart, well over the max wait: no second item can join
     * a batch in time, so each should go out at once.
     */
    private static void requireNoPointlessWait(BatcherRun run, List<BatchTrace.Arrival<String>> judged) {
        for (BatchTrace.Arrival<String> item : judged) {
            if (item.waitMs() > Tolerances.Ch04.AT_ONCE.millis()) {
                fail("Items came " + SLOW_GAP_MS + " ms apart, longer than the max wait of " + Wording.duration(SLOW_MAX_WAIT)
                        + ", so no second item could join a batch in time; yet " + item.item() + " waited "
                        + millis(item.waitMs()) + ". When the gap between arrivals says the next item comes after the "
                        + "deadline, send at once (allowed: " + Tolerances.Ch04.AT_ONCE + " on a busy machine).");
            }
        }
    }
}
