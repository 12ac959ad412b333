package ai.asyncjava.kit.checks.ch04;

import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One run of a learner's batcher against an {@link ArrivalScript}: the check plays the items
 * onto a {@link TimedQueue}, the batcher runs on its own thread and writes to another, and
 * both queues stamp every message as it goes on. Afterwards the run answers the checks'
 * questions: what came out, when, and how the batcher ended.
 */
final class BatcherRun {

    /** How long a batcher gets, after the end marker arrives, to pass it on (and to return). */
    static final long END_WAIT_MS = 800;

    final int batchSize;
    final Duration timeout;
    final ArrivalScript script;
    final TimedQueue<String> input = new TimedQueue<>();
    final TimedQueue<List<String>> output = new TimedQueue<>();
    /** Whether the batcher's run() had returned when the check stopped watching. */
    boolean returned;
    /** Whether run() returned before the end marker was even put on its input. */
    boolean returnedBeforeEnd;
    BatchTrace<String> trace;

    private BatcherRun(int batchSize, Duration timeout, ArrivalScript script) {
        this.batchSize = batchSize;
        this.timeout = timeout;
        this.script = script;
    }

    /**
     * Makes a batcher and plays the script to it.
     *
     * @param awaitReturn wait up to {@link #END_WAIT_MS} for run() to return; otherwise stop
     *                    watching as soon as the end marker comes out
     */
    static BatcherRun play(BatcherFactory factory, int batchSize, Duration timeout, ArrivalScript script,
                           boolean awaitReturn) throws Throwable {
        Batcher<String> batcher = factory.create(batchSize, timeout);
        if (batcher == null) {
            fail("The factory made null instead of a batcher; check the constructor you pass in.");
        }
        BatcherRun run = new BatcherRun(batchSize, timeout, script);
        StageThread stage = StageThread.start("batcher under check", () -> batcher.run(run.input, run.output));
        // The last look before the end marker goes on tells whether run() returned too early.
        long endNanos = script.play(run.input, () -> {
            run.returnedBeforeEnd = !stage.isAlive();
            return stage.died();
        });
        if (endNanos != 0) {
            long deadline = endNanos + TimeUnit.MILLISECONDS.toNanos(END_WAIT_MS);
            // Wait for the marker to come out, or for the batcher to end without it.
            while (System.nanoTime() < deadline && stage.isAlive() && !run.output.awaitEndOfStream(5, TimeUnit.MILLISECONDS)) {
                Thread.onSpinWait();
            }
            stage.awaitEnd(awaitReturn ? deadline : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
        }
        run.returned = !stage.isAlive();
        stage.stop();
        stage.rethrowFailure();
        run.trace = BatchTrace.of(run.input, run.output, batchSize);
        return run;
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
            fail(count(lost.size(), "item") + " of " + arrived.size() + " never came out of the batcher: "
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
                    ? " (and " + count(repeated.size() - 1, "other item") + " more than once)" : "")
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
        EndMarkerRule.require(output.puts(), returnedBeforeEnd, returned, requireReturn, END_WAIT_MS, "batch");
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

    /** Fails when an item waited in the batcher longer than {@code limitMs}, or never came out. */
    void requireWaitsWithin(long limitMs, String limitName, String advice) {
        for (BatchTrace.Arrival<String> item : trace.arrivals()) {
            if (!item.sent()) {
                fail(item.item() + " never came out of the batcher, though it arrived at " + ms(item.arrivedMs())
                        + " and " + limitName + " is " + ms(timeout.toMillis()) + ".");
            }
            if (item.waitMs() > limitMs) {
                fail(item.item() + " waited " + ms(item.waitMs()) + " in the batcher; " + limitName + " is "
                        + ms(timeout.toMillis()) + " (allowed: " + limitMs + " ms on a busy machine). " + advice);
            }
        }
    }

    /** Arrival time (ms after the first item) of each item, by name. */
    Map<String, Double> arrivals() {
        Map<String, Double> arrivals = new HashMap<>();
        trace.arrivals().forEach(a -> arrivals.put(a.item(), a.arrivedMs()));
        return arrivals;
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    /** "1 batch", "4 batches", "2 items". */
    static String count(long n, String noun) {
        if (n == 1) {
            return n + " " + noun;
        }
        return n + " " + noun + (noun.endsWith("ch") || noun.endsWith("s") ? "es" : "s");
    }

    static String shortList(List<String> items) {
        return items.size() <= 6 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 5)) + " and " + (items.size() - 5) + " more";
    }
}
