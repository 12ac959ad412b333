package ai.asyncjava.kit.checks.ch04;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch04.BatchTrace;
import ai.asyncjava.kit.exercises.ch04.Batcher;
import ai.asyncjava.kit.exercises.ch04.BatcherFactory;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch04.TimedQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of a learner's batcher against an {@link ArrivalScript}: the check plays the items
 * onto a {@link TimedQueue}, the batcher runs on its own thread and writes to another, and
 * both queues stamp every message as it goes on. Afterwards the run answers the checks'
 * questions: what came out, when, and how the batcher ended.
 */
final class BatcherRun {

    final int batchSize;
    final Duration timeout;
    final ArrivalScript script;
    final TimedQueue<String> input = new TimedQueue<>();
    /** What the batcher sent (or, behind a slow consumer, what the consumer took), stamped as it came. */
    final TimedQueue<List<String>> output = new TimedQueue<>();
    /** Whether the batcher's run() had returned when the check stopped watching. */
    boolean returned;
    /** Whether run() returned before the end marker was even put on its input. */
    boolean returnedBeforeEnd;
    /** Where the learner's threads waited when the check stopped watching a run() that had not returned; else null. */
    String stuck;
    BatchTrace<String> trace;

    private BatcherRun(int batchSize, Duration timeout, ArrivalScript script) {
        this.batchSize = batchSize;
        this.timeout = timeout;
        this.script = script;
    }

    /**
     * Makes a batcher and plays the script to it.
     *
     * @param awaitReturn wait up to {@link Tolerances.Ch04#BATCHER_END_WAIT} for run() to return;
     *                    otherwise stop watching as soon as the end marker comes out
     */
    static BatcherRun play(BatcherFactory factory, int batchSize, Duration timeout, ArrivalScript script,
                           boolean awaitReturn) throws Throwable {
        BatcherRun run = new BatcherRun(batchSize, timeout, script);
        run.playTo(newBatcher(factory, batchSize, timeout), run.output, awaitReturn);
        return run;
    }

    /**
     * Plays the script to a batcher whose output queue holds one message, and which a consumer
     * of the check's empties slowly, taking {@code perBatch} over each batch: the batcher must
     * wait for room. {@link #output} records what the consumer took.
     */
    static BatcherRun playToSlowConsumer(BatcherFactory factory, int batchSize, Duration timeout,
                                         ArrivalScript script, Duration perBatch) throws Throwable {
        BatcherRun run = new BatcherRun(batchSize, timeout, script);
        Batcher<String> batcher = newBatcher(factory, batchSize, timeout);
        try (SlowConsumer consumer = SlowConsumer.start(run.output, perBatch)) {
            run.playTo(batcher, consumer.queue(), false);
        }
        return run;
    }

    private static Batcher<String> newBatcher(BatcherFactory factory, int batchSize, Duration timeout) {
        Batcher<String> batcher = factory.create(batchSize, timeout);
        if (batcher == null) {
            fail("The factory made null instead of a batcher; check the constructor you pass in.");
        }
        return batcher;
    }

    private void playTo(Batcher<String> batcher, BlockingQueue<Message<List<String>>> batches, boolean awaitReturn)
            throws Throwable {
        script.putWaitingAtStart(input);
        StageThread stage = StageThread.start("batcher under check", () -> batcher.run(input, batches));
        // The last look before the end marker goes on tells whether run() returned too early.
        long endNanos = script.play(input, () -> {
            returnedBeforeEnd = !stage.isAlive();
            return stage.died();
        });
        if (endNanos != 0) {
            long deadline = endNanos + Tolerances.Ch04.BATCHER_END_WAIT.nanos();
            // Wait for the marker to come out, or for the batcher to end without it.
            while (System.nanoTime() < deadline && stage.isAlive() && !output.awaitEndOfStream(5, TimeUnit.MILLISECONDS)) {
                Thread.onSpinWait();
            }
            stage.awaitEnd(awaitReturn ? deadline : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
        }
        returned = !stage.isAlive();
        stuck = returned ? null : stage.whereStuck();
        stage.stop();
        stage.rethrowFailure();
        trace = BatchTrace.of(input, output, batchSize);
    }

    /**
     * Fails when the batcher sent no batch at all, or a null one: no other property can be
     * judged then.
     */
    BatcherRun requireSomeBatches() {
        if (trace.batches().isEmpty()) {
            fail(script.size() + " items arrived and the end marker after them, yet the batcher sent no batch"
                    + (returnedBeforeEnd ? " (its run() returned before the end marker arrived)" : "") + ".");
        }
        int number = 0;
        for (TimedQueue.Put<List<String>> put : output.puts()) {
            if (put.message() instanceof Message.Item<List<String>>(List<String> batch)) {
                number++;
                if (batch == null) {
                    fail("Batch " + number + " was null: put a list of items in each Message.item.");
                }
            }
        }
        return this;
    }

    /**
     * Fails unless every item came out exactly once, in arrival order, in unchanged lists, and
     * the end marker came out once, last: the promises every batcher keeps.
     */
    BatcherRun requireIntact() {
        requireSomeBatches();
        requireUnchangedBatches();
        requireEveryItemOnceInOrder();
        requireOneEndMarkerLast(false);
        return this;
    }

    void requireUnchangedBatches() {
        int number = 0;
        for (TimedQueue.Put<List<String>> put : output.puts()) {
            if (put.message() instanceof Message.Item<List<String>>(List<String> batch)) {
                number++;
                if (batch != null && !Objects.equals(put.listAtPut(), new ArrayList<>(batch))) {
                    fail("Batch " + number + " was changed after it was sent: it held " + put.listAtPut()
                            + " when it went on the queue and holds " + batch + " now. The next stage may not have "
                            + "read it yet: send a new list each time (batch = new ArrayList<>()) instead of "
                            + "clearing or refilling the one you sent.");
                }
            }
        }
    }

    void requireEveryItemOnceInOrder() {
        List<String> arrived = script.names();
        List<String> sent = new ArrayList<>();
        trace.batches().forEach(batch -> sent.addAll(batch.items()));

        Map<String, Integer> timesSent = new LinkedHashMap<>();
        sent.forEach(item -> timesSent.merge(String.valueOf(item), 1, Integer::sum));
        List<String> lost = arrived.stream().filter(item -> !timesSent.containsKey(item)).toList();
        if (!lost.isEmpty()) {
            fail(Wording.count(lost.size(), "item") + " of " + arrived.size() + " never came out of the batcher: "
                    + shortList(lost) + ".");
        }
        Map<String, Integer> repeated = new LinkedHashMap<>();
        timesSent.forEach((item, times) -> {
            if (times > 1) {
                repeated.put(item, times);
            }
        });
        if (!repeated.isEmpty()) {
            Map.Entry<String, Integer> first = repeated.entrySet().iterator().next();
            fail(first.getKey() + " came out " + first.getValue() + " times" + (repeated.size() > 1
                    ? " (and " + Wording.count(repeated.size() - 1, "other item") + " more than once)" : "")
                    + "; every item must come out exactly once.");
        }
        List<String> strangers = sent.stream().filter(item -> !arrived.contains(item)).toList();
        if (!strangers.isEmpty()) {
            fail("The batches held items that never arrived: " + shortList(strangers) + ".");
        }
        for (int i = 0; i < sent.size(); i++) {
            if (!Objects.equals(sent.get(i), arrived.get(i))) {
                fail("The items came out in another order than they arrived: " + sent.get(i) + " came out where "
                        + arrived.get(i) + " should have. Keep them in arrival order, within and across batches.");
            }
        }
    }

    /** The end marker came out once, last, and (when {@code requireReturn}) run() returned. */
    void requireOneEndMarkerLast(boolean requireReturn) {
        EndMarkerRule.require(output.puts(), returnedBeforeEnd, stuck, requireReturn, Tolerances.Ch04.BATCHER_END_WAIT.get(), "batch");
    }

    /** Fails when a batch held more items than the batch size; {@code advice} ends the message. */
    void requireBatchesWithinSize(String limitName, String advice) {
        for (BatchTrace.Batch<String> batch : trace.batches()) {
            if (batch.size() > batchSize) {
                fail("Batch " + batch.number() + " held " + batch.size() + " items; " + limitName + " is " + batchSize
                        + ". " + advice);
            }
        }
    }

    /**
     * Fails when an item waited in the batcher longer than the timeout (plus
     * {@link Tolerances.Ch04#LATE} for a busy machine), or never came out.
     */
    void requireWaitsWithin(String limitName, String advice) {
        double limitMs = timeout.toMillis() + Tolerances.Ch04.LATE.millis();
        for (BatchTrace.Arrival<String> item : trace.arrivals()) {
            if (!item.sent()) {
                fail(item.item() + " never came out of the batcher, though it arrived at " + Wording.millis(item.arrivedMs())
                        + " and " + limitName + " is " + Wording.duration(timeout) + ".");
            }
            if (item.waitMs() > limitMs) {
                fail(item.item() + " waited " + Wording.millis(item.waitMs()) + " in the batcher; " + limitName + " is "
                        + Wording.duration(timeout) + " (allowed: " + Tolerances.Ch04.LATE + " more on a busy machine). "
                        + advice);
            }
        }
    }

    /** Fails when the batcher polled for input in a loop during the script's quiet pauses. */
    void requireNoBusyWaiting() {
        NoBusyWaiting.require(script.cpuReadings(), "the batcher", "With an empty batch, wait in take(); with items "
                + "pending, wait in poll(time left until the deadline, unit). A loop around poll() or poll(0, ...) "
                + "keeps a processor core busy doing nothing.");
    }

    /**
     * Fails when a full batch went out more than {@link Tolerances.Ch04#LATE} after its last
     * item arrived: it should go the moment it fills up.
     */
    void requireFullBatchesAtOnce() {
        Map<String, Double> arrivals = arrivals();
        for (BatchTrace.Batch<String> batch : trace.batches()) {
            if (batch.size() != batchSize) {
                continue;
            }
            double filled = batch.items().stream().mapToDouble(item -> arrivals.getOrDefault(item, Double.NaN))
                    .max().orElse(Double.NaN);
            double late = batch.sentMs() - filled;
            if (late > Tolerances.Ch04.LATE.millis()) {
                fail("Batch " + batch.number() + " was full when its last item arrived (at " + Wording.millis(filled)
                        + "), but it was sent only at " + Wording.millis(batch.sentMs()) + ", " + Wording.millis(late)
                        + " later. Send a full batch at once, without waiting for the timeout or the next item "
                        + "(allowed: " + Tolerances.Ch04.LATE + " for a busy machine).");
            }
        }
    }

    /** Arrival time (ms after the first item) of each item, by name. */
    Map<String, Double> arrivals() {
        Map<String, Double> arrivals = new HashMap<>();
        trace.arrivals().forEach(a -> arrivals.put(a.item(), a.arrivedMs()));
        return arrivals;
    }

    static String shortList(List<String> items) {
        return items.size() <= 6 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 5)) + " and " + (items.size() - 5) + " more";
    }
}
