package ai.asyncjava.kit.checks.ch04;

import static ai.asyncjava.kit.checks.Wording.count;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.CpuWhileWaiting;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch04.TimedQueue;
import ai.asyncjava.kit.simulators.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 04's embedding stage. Four batches wait on its input, the end
 * marker after them; the stage calls a simulator of the check's own, whose log says how many
 * calls it made and how many texts each carried.
 */
@HiddenChecks(secondsPerCheck = 4)
class EmbeddingStageChecks {

    /**
     * Texts that share no words, so their vectors are far apart. Some appear twice on purpose:
     * one within a batch, one in two batches; users do send the same query twice.
     */
    static final List<List<String>> BATCHES = List.of(
            List.of("the cat sat on the mat", "rain over the harbour", "a bowl of hot soup"),
            List.of("quantum computing basics"),
            List.of("jazz in the evening", "bicycles and hills", "jazz in the evening", "fresh bread at dawn"),
            List.of("mountain lakes are cold", "a bowl of hot soup"));

    /** What one run of a stage left behind; {@code stuck} says where its threads waited if run() had not returned. */
    private record Outcome(List<TimedQueue.Put<Embedded>> output, List<Embedded> results,
                           List<LoggedRequest> calls, String stuck, List<ArrivalScript.CpuReading> cpu) {}

    /**
     * Runs a fresh stage on the four batches.
     *
     * @param awaitAll   keep watching until every result and the marker are out and run() has
     *                   returned (or {@link Tolerances.Ch04#STAGE_END_WAIT} passes), to see anything
     *                   that comes late; otherwise stop once the marker is out
     * @param quietPause give the stage the first batch alone, and once its results are out
     *                   measure the processor time while the stage waits for the next
     */
    private static Outcome play(Supplier<? extends EmbeddingStage> newStage, boolean awaitAll, boolean quietPause)
            throws Throwable {
        EmbeddingStage stage = newStage.get();
        if (stage == null) {
            fail("The factory made null instead of an embedding stage.");
        }
        BlockingQueue<Message<List<String>>> batches = new LinkedBlockingQueue<>();
        List<Message<List<String>>> all = new ArrayList<>();
        BATCHES.forEach(batch -> all.add(Message.item(batch)));
        all.add(Message.end());
        TimedQueue<Embedded> output = new TimedQueue<>();
        List<ArrivalScript.CpuReading> cpu = new ArrayList<>();
        try (EmbeddingApi api = EmbeddingApi.start(EmbeddingApi.CALL)) {
            batches.addAll(quietPause ? all.subList(0, 1) : all);
            StageThread thread = StageThread.start("embedding stage under check",
                    () -> stage.run(api.client, batches, output));
            if (quietPause) {
                long firstDone = System.nanoTime() + Tolerances.Ch04.STAGE_END_WAIT.nanos();
                while (output.size() < BATCHES.getFirst().size() && thread.isAlive() && System.nanoTime() < firstDone) {
                    Thread.sleep(5);
                }
                Thread.sleep(ArrivalScript.SETTLE_MS);
                cpu.add(new ArrivalScript.CpuReading("with no batch to embed",
                        CpuWhileWaiting.measure(ArrivalScript.CPU_WINDOW, Tolerances.Ch04.CPU_WHILE_WAITING).used().toNanos()));
                batches.addAll(all.subList(1, all.size()));
            }
            long deadline = System.nanoTime() + Tolerances.Ch04.STAGE_END_WAIT.nanos();
            int expected = allTexts().size() + 1;
            while (System.nanoTime() < deadline) {
                boolean ended = !thread.isAlive();
                boolean endOut = output.awaitEndOfStream(0, TimeUnit.MILLISECONDS);
                if (!awaitAll && (ended || endOut) || ended && endOut && output.puts().size() >= expected) {
                    break;
                }
                if (ended && endOut) {
                    // run() is over and the marker is out, yet results are missing: give calls
                    // still in flight on other threads a moment to deliver, then judge.
                    deadline = Math.min(deadline, System.nanoTime() + Tolerances.Ch04.STRAGGLERS.nanos());
                }
                Thread.sleep(5);
            }
            thread.awaitEnd(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
            String stuck = thread.isAlive() ? thread.whereStuck() : null;
            thread.stop();
            thread.rethrowFailure();
            List<Embedded> results = new ArrayList<>();
            for (TimedQueue.Put<Embedded> put : output.puts()) {
                if (put.message() instanceof Message.Item<Embedded>(Embedded result)) {
                    results.add(result);
                }
            }
            return new Outcome(output.puts(), results, api.embeddingCalls(), stuck, List.copyOf(cpu));
        }
    }

    /** The batch that holds one text twice. */
    private static final List<String> REPEATED_WITHIN = BATCHES.get(2);

    private static String repeatedText() {
        return REPEATED_WITHIN.stream().filter(text -> REPEATED_WITHIN.indexOf(text) != REPEATED_WITHIN.lastIndexOf(text))
                .findFirst().orElseThrow();
    }

    private static List<String> allTexts() {
        return BATCHES.stream().flatMap(List::stream).toList();
    }

    @Test
    @Order(1)
    @DisplayName("makes one embedding call per batch, carrying the whole batch")
    void oneCallPerBatch(Supplier<? extends EmbeddingStage> newStage) throws Throwable {
        Outcome outcome = play(newStage, false, false);
        List<Integer> carried = outcome.calls().stream().map(LoggedRequest::batchSize).toList();
        List<Integer> sizes = BATCHES.stream().map(List::size).toList();
        if (carried.isEmpty()) {
            fail("The stage made no embedding call for " + count(BATCHES.size(), "batch") + ".");
        }
        if (carried.stream().sorted().toList().equals(sizes.stream().sorted().toList())) {
            return;
        }
        List<Integer> distinct = BATCHES.stream().map(batch -> (int) batch.stream().distinct().count()).toList();
        if (carried.stream().sorted().toList().equals(distinct.stream().sorted().toList())) {
            fail("The stage's calls carried " + carried + " texts; the batches held " + sizes + ". The batch of "
                    + REPEATED_WITHIN.size() + " holds \"" + repeatedText() + "\" twice, and its call carried it once. "
                    + "Send every text of the batch, repeated ones too: the contract embeds each text that arrives, "
                    + "and the caller pays for what it sent, not for what you saved.");
        }
        if (carried.size() > BATCHES.size() && carried.stream().allMatch(size -> size == 1)) {
            fail("The stage made " + count(carried.size(), "embedding call") + " for " + BATCHES.size() + " batches of "
                    + allTexts().size() + " texts: one call per text. Send each batch as one call, "
                    + "client.models.embedContent(model, texts, config) with the batch's whole list.");
        }
        fail("The stage's " + count(carried.size(), "call") + " carried " + carried + " texts; the batches held "
                + sizes + ". Make exactly one call per batch, with all of its texts.");
    }

    @Test
    @Order(2)
    @DisplayName("passes every text on exactly once")
    void everyTextOnce(Supplier<? extends EmbeddingStage> newStage) throws Throwable {
        Outcome outcome = play(newStage, false, false);
        EmbeddingRules.requireEachTextOnce(allTexts(), outcome.results(), "the output queue");
    }

    @Test
    @Order(3)
    @DisplayName("pairs every text with its own embedding")
    void ownEmbeddings(Supplier<? extends EmbeddingStage> newStage) throws Throwable {
        Outcome outcome = play(newStage, false, false);
        if (outcome.results().isEmpty()) {
            fail("No result came out of the stage, so there was no pairing to check.");
        }
        EmbeddingRules.requireOwnEmbeddings(outcome.results(), allTexts());
    }

    @Test
    @Order(4)
    @DisplayName("passes the end marker on exactly once, after the last result, and returns")
    void endMarkerOnceAndReturn(Supplier<? extends EmbeddingStage> newStage) throws Throwable {
        Outcome outcome = play(newStage, true, false);
        if (outcome.output().isEmpty()) {
            fail("Nothing came out of the stage: no result and no end marker.");
        }
        EndMarkerRule.require(outcome.output(), false, outcome.stuck(), true, Tolerances.Ch04.STAGE_END_WAIT.get(),
                "result");
    }

    @Test
    @Order(5)
    @DisplayName("waits without using the processor while no batch arrives")
    void waitsWithoutSpinning(Supplier<? extends EmbeddingStage> newStage) throws Throwable {
        Outcome outcome = play(newStage, false, true);
        NoBusyWaiting.require(outcome.cpu(), "the stage", "Wait for the next batch in take(): a loop around poll() "
                + "keeps a processor core busy doing nothing.");
    }
}
