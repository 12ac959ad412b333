package ai.asyncjava.kit.checks.ch04;

import static ai.asyncjava.kit.checks.Wording.count;
import static ai.asyncjava.kit.checks.Wording.millis;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.exercises.ch04.BatchTrace;
import ai.asyncjava.kit.exercises.ch04.BatcherFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 04's size-or-timeout batcher. Each check plays a stream of items
 * with gaps it chooses and reads the times on its own queues: when an item was put on the input,
 * when its batch was put on the output.
 */
@HiddenChecks(secondsPerCheck = 4)
class BatcherChecks {

    /** How long the slow next stage spends on each batch. */
    static final long SLOW_CONSUMER_MS = 60;

    /** Bursts, pauses longer than the timeout, and an end marker soon after the last item. */
    private static ArrivalScript mixedStream() {
        return new ArrivalScript().items(7, 10).pause(300).items(3, 20).pause(300).items(9, 5)
                .pause(250).items(2, 20).endAfter(60);
    }

    @Test
    @Order(1)
    @DisplayName("sends every item exactly once, in the order it arrived")
    void everyItemOnceInOrder(BatcherFactory newBatcher) throws Throwable {
        BatcherRun run = BatcherRun.play(newBatcher, 4, Duration.ofMillis(150), mixedStream(), false);
        run.requireSomeBatches();
        run.requireUnchangedBatches();
        run.requireEveryItemOnceInOrder();
    }

    @Test
    @Order(2)
    @DisplayName("never sends an empty batch, or one larger than the batch size")
    void batchSizesWithinLimits(BatcherFactory newBatcher) throws Throwable {
        BatcherRun run = BatcherRun.play(newBatcher, 4, Duration.ofMillis(150), mixedStream(), false)
                .requireSomeBatches();
        run.requireBatchesWithinSize("the batch size", "Send the batch the moment it reaches the batch size.");
        List<BatchTrace.Batch<String>> batches = run.trace.batches();
        long empty = batches.stream().filter(batch -> batch.items().isEmpty()).count();
        if (empty > 0) {
            BatchTrace.Batch<String> first = batches.stream().filter(batch -> batch.items().isEmpty()).findFirst().orElseThrow();
            fail("Batch " + first.number() + " (sent at " + millis(first.sentMs()) + ") was empty" + (empty == 1 ? ""
                    : ", and so " + (empty == 2 ? "was 1 other batch" : "were " + (empty - 1) + " other batches"))
                    + ". An empty batch would cost an API call for nothing: "
                    + "send a batch only when it holds at least one item.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("sends a full batch the moment it fills up")
    void fullBatchAtOnce(BatcherFactory newBatcher) throws Throwable {
        // Ten items in 90 ms make two full batches of 5; the timeout is far away.
        ArrivalScript burst = new ArrivalScript().items(10, 10).endAfter(460);
        BatcherRun run = BatcherRun.play(newBatcher, 5, Duration.ofMillis(400), burst, false).requireSomeBatches();
        if (run.trace.batches().stream().noneMatch(b -> b.size() == run.batchSize)) {
            fail("10 items arrived 10 ms apart with a batch size of 5, yet no batch of 5 was sent (batch sizes: "
                    + run.trace.batches().stream().map(BatchTrace.Batch::size).toList() + ").");
        }
        run.requireFullBatchesAtOnce();
    }

    @Test
    @Order(4)
    @DisplayName("never lets an item wait longer than the timeout")
    void noItemWaitsPastTheTimeout(BatcherFactory newBatcher) throws Throwable {
        // Items every 80 ms never fill a batch of 50: only the timeout sends batches.
        Duration timeout = Duration.ofMillis(250);
        ArrivalScript trickle = new ArrivalScript().items(12, 80).endAfter(450);
        BatcherRun run = BatcherRun.play(newBatcher, 50, timeout, trickle, false).requireSomeBatches();
        run.requireWaitsWithin("the timeout", "Items came every 80 ms: start a batch's "
                + "clock when its first item arrives and wait only for the time left, not a whole timeout after every item.");
    }

    @Test
    @Order(5)
    @DisplayName("sends a partial batch only once its first item has waited the timeout")
    void noPrematurePartialBatch(BatcherFactory newBatcher) throws Throwable {
        // A full batch, a pause shorter than the timeout, then items 40 ms apart: every batch
        // but the last can fill up before its first item has waited 300 ms.
        Duration timeout = Duration.ofMillis(300);
        ArrivalScript stream = new ArrivalScript().items(6, 40).pause(150).items(9, 40).endAfter(30);
        BatcherRun run = BatcherRun.play(newBatcher, 6, timeout, stream, false).requireSomeBatches();
        for (BatchTrace.Batch<String> batch : run.trace.batches()) {
            if (batch.size() >= run.batchSize || batch.items().isEmpty() || batch.kind() == BatchTrace.Kind.AT_END) {
                continue;
            }
            double waited = batch.sentMs() - batch.firstArrivalMs();
            if (waited < timeout.toMillis() - Tolerances.Ch04.EARLY.millis()) {
                fail("Batch " + batch.number() + " went out with " + count(batch.size(), "item") + " when its first "
                        + "item had waited only " + millis(waited) + ", while more items were arriving every 40 ms. A batch "
                        + "smaller than " + run.batchSize + " may go only when its first item has waited the timeout ("
                        + millis(timeout.toMillis()) + ") or the stream has ended: start the clock when a batch's first item "
                        + "arrives, and do not send just because the queue is empty for a moment.");
            }
        }
    }

    @Test
    @Order(6)
    @DisplayName("sends the last, partial batch when the stream ends")
    void lastBatchAtTheEnd(BatcherFactory newBatcher) throws Throwable {
        // Seven items and then the end, long before the 2 s timeout: the last 2 go out at the end.
        ArrivalScript stream = new ArrivalScript().items(7, 10).endAfter(30);
        BatcherRun run = BatcherRun.play(newBatcher, 5, Duration.ofSeconds(2), stream, false).requireSomeBatches();
        List<String> neverSent = run.trace.neverSent();
        if (!neverSent.isEmpty()) {
            fail((neverSent.size() == 1 ? neverSent.getFirst() : count(neverSent.size(), "item") + " ("
                    + String.join(", ", neverSent) + ")") + " never came out; " + stream.size() + " items arrived, "
                    + "then the end marker. When the end marker arrives, send the batch you hold, then pass the marker on.");
        }
        BatchTrace.Batch<String> last = run.trace.batches().getLast();
        double afterEnd = last.sentMs() - run.trace.inputEndMs();
        if (afterEnd > Tolerances.Ch04.LATE.millis()) {
            fail("The last batch went out " + millis(afterEnd) + " after the end marker arrived; send it as soon as the "
                    + "marker arrives, without waiting for the timeout.");
        }
    }

    @Test
    @Order(7)
    @DisplayName("passes the end marker on exactly once, after the last batch, and returns")
    void endMarkerOnceAndReturn(BatcherFactory newBatcher) throws Throwable {
        ArrivalScript stream = new ArrivalScript().items(3, 10).endAfter(30);
        BatcherRun run = BatcherRun.play(newBatcher, 2, Duration.ofMillis(500), stream, true).requireSomeBatches();
        run.requireOneEndMarkerLast(true);
    }

    @Test
    @Order(8)
    @DisplayName("keeps every item of a burst that arrives all at once")
    void burstArrivingAtOnce(BatcherFactory newBatcher) throws Throwable {
        // 22 items already waiting when the batcher starts: 5 full batches are there to be made at
        // once. A batcher that grabs everything waiting must still send it all, 4 at a time.
        ArrivalScript burst = new ArrivalScript().waitingAtStart(22).pause(100).items(3, 0).endAfter(400);
        BatcherRun run = BatcherRun.play(newBatcher, 4, Duration.ofMillis(300), burst, false).requireSomeBatches();
        List<String> lost = run.trace.neverSent();
        if (!lost.isEmpty()) {
            fail("22 items arrived all at once, and " + lost.size() + " of the " + burst.size() + " items never came out ("
                    + BatcherRun.shortList(lost) + "). When more items are waiting than fit in one batch, send a full "
                    + "batch and keep the rest for the next ones: never drop what you took off the queue.");
        }
        run.requireIntact();
        run.requireBatchesWithinSize("the batch size", "Send the batch the moment it reaches the batch size.");
        run.requireFullBatchesAtOnce();
    }

    @Test
    @Order(9)
    @DisplayName("waits for room when the next stage is slow")
    void slowConsumer(BatcherFactory newBatcher) throws Throwable {
        // 15 items at once make 5 full batches, but the next stage takes 60 ms over each and
        // its queue holds one: the batcher must wait for room, then send the rest.
        ArrivalScript stream = new ArrivalScript().items(1, 0).pause(20).items(14, 0).pause(300).items(2, 20)
                .endAfter(200);
        BatcherRun run = BatcherRun.playToSlowConsumer(newBatcher, 3, Duration.ofMillis(100), stream,
                Duration.ofMillis(SLOW_CONSUMER_MS)).requireSomeBatches();
        List<String> lost = run.trace.neverSent();
        if (!lost.isEmpty()) {
            fail("The next stage took " + SLOW_CONSUMER_MS + " ms over each batch and its queue held one, so the "
                    + "batcher's output queue was often full; " + count(lost.size(), "item") + " never reached it ("
                    + BatcherRun.shortList(lost) + "). Send with put(), which waits for room; offer() gives up at once "
                    + "when the queue is full, and its batch is lost.");
        }
        run.requireIntact();
    }

    @Test
    @Order(10)
    @DisplayName("waits without using the processor while nothing arrives")
    void waitsWithoutSpinning(BatcherFactory newBatcher) throws Throwable {
        // A full batch, then a quiet pause with nothing pending; 2 items, then a quiet pause with
        // their deadline 2 s away. In neither is there anything to do but wait.
        ArrivalScript stream = new ArrivalScript().items(3, 5).quietPause("with nothing pending").items(2, 5)
                .quietPause("with 2 items pending and their deadline 2 s away").items(1, 5).endAfter(30);
        BatcherRun run = BatcherRun.play(newBatcher, 3, Duration.ofSeconds(2), stream, false).requireSomeBatches();
        run.requireNoBusyWaiting();
    }
}
