package ai.asyncjava.kit.checks.ch04;

import static ai.asyncjava.kit.checks.ch04.BatcherRun.count;
import static ai.asyncjava.kit.checks.ch04.BatcherRun.ms;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.LearnerThreads;
import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingPipeline;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch04.PipelineFactory;
import ai.asyncjava.kit.exercises.ch04.TimedQueue;
import ai.asyncjava.kit.simulators.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 04's whole pipeline: the check plays 30 texts onto its input,
 * 30 ms apart, and records on its own side when each result reaches the sink; the check's
 * simulator logs every embedding call.
 */
@HiddenChecks(secondsPerCheck = 4)
class PipelineChecks {

    static final int BATCH_SIZE = 4;
    static final Duration TIMEOUT = Duration.ofMillis(200);
    static final int TEXTS = 30;
    static final long GAP_MS = 30;
    /** How long the pipeline gets to finish after the end marker: a few calls of 40 ms, and room. */
    static final long END_WAIT_MS = 1_500;

    /** A result as the sink received it. */
    private record Received(long nanos, Embedded result) {}

    /** What one run of a pipeline left behind, times in ms since the first text arrived. */
    private record Outcome(List<Embedded> beforeReturn, List<Embedded> all, Map<String, Double> arrivedMs,
                           Map<String, Double> receivedMs, List<LoggedRequest> calls, boolean returned) {}

    /** The input queue, which also notes the threads that read it: the pipeline's batcher. */
    private static final class WatchedInput extends TimedQueue<String> {
        @Override
        public Message<String> take() throws InterruptedException {
            LearnerThreads.noteCurrentThread();
            return super.take();
        }

        @Override
        public Message<String> poll(long timeout, TimeUnit unit) throws InterruptedException {
            LearnerThreads.noteCurrentThread();
            return super.poll(timeout, unit);
        }

        @Override
        public Message<String> poll() {
            LearnerThreads.noteCurrentThread();
            return super.poll();
        }
    }

    private static Outcome play(PipelineFactory newPipeline) throws Throwable {
        EmbeddingPipeline pipeline = newPipeline.create(BATCH_SIZE, TIMEOUT);
        if (pipeline == null) {
            fail("The factory made null instead of a pipeline; check the constructor you pass in.");
        }
        ArrivalScript script = new ArrivalScript().items(TEXTS, GAP_MS).endAfter(60);
        WatchedInput input = new WatchedInput();
        List<Received> received = new ArrayList<>();
        try (CheckSimulator simulator = CheckSimulator.start(true)) {
            StageThread thread = StageThread.start("pipeline under check", () -> pipeline.run(simulator.client, input,
                    result -> {
                        LearnerThreads.noteCurrentThread(); // the logger stage's thread
                        synchronized (received) {
                            received.add(new Received(System.nanoTime(), result));
                        }
                    }));
            long endNanos = script.play(input, thread::died);
            long deadline = (endNanos == 0 ? System.nanoTime() : endNanos) + TimeUnit.MILLISECONDS.toNanos(END_WAIT_MS);
            boolean returned = thread.awaitEnd(deadline);
            List<Embedded> beforeReturn;
            synchronized (received) {
                beforeReturn = received.stream().map(Received::result).toList();
            }
            if (returned) {
                Thread.sleep(200); // anything still on its way to the sink arrives now, after run() returned
            }
            thread.stop();
            thread.rethrowFailure();

            long origin = input.puts().getFirst().nanos();
            Map<String, Double> arrived = new HashMap<>();
            for (TimedQueue.Put<String> put : input.puts()) {
                if (put.message() instanceof Message.Item<String>(String text)) {
                    arrived.put(text, (put.nanos() - origin) / 1e6);
                }
            }
            Map<String, Double> receivedAt = new HashMap<>();
            List<Embedded> all;
            synchronized (received) {
                for (Received r : received) {
                    if (r.result() != null && r.result().text() != null) {
                        receivedAt.putIfAbsent(r.result().text(), (r.nanos() - origin) / 1e6);
                    }
                }
                all = received.stream().map(Received::result).toList();
            }
            return new Outcome(beforeReturn, all, arrived, receivedAt, simulator.embeddingCalls(), returned);
        }
    }

    @Test
    @Order(1)
    @DisplayName("hands every text to the sink once, with its own embedding, before it returns")
    void everyTextOnceBeforeReturn(PipelineFactory newPipeline) throws Throwable {
        Outcome outcome = play(newPipeline);
        List<String> texts = new ArrayList<>(outcome.arrivedMs().keySet().stream().sorted().toList());
        if (!outcome.returned()) {
            fail("run() had not returned " + END_WAIT_MS + " ms after the end marker arrived ("
                    + outcome.all().size() + " of " + TEXTS + " results had reached the sink by then). Does the end "
                    + "marker reach every stage, and does run() wait for the stages (and only for them)?");
        }
        int late = outcome.all().size() - outcome.beforeReturn().size();
        if (late > 0) {
            fail(count(late, "result") + " reached the sink after run() had returned. Wait for the logger stage "
                    + "to finish before returning: whoever called run() takes the results as complete.");
        }
        EmbeddingRules.requireEachTextOnce(texts, outcome.all(), "the sink");
        EmbeddingRules.requireOwnEmbeddings(outcome.all(), texts);
    }

    @Test
    @Order(2)
    @DisplayName("calls the API once per batch, not once per text")
    void oneCallPerBatch(PipelineFactory newPipeline) throws Throwable {
        Outcome outcome = play(newPipeline);
        List<LoggedRequest> calls = outcome.calls();
        if (calls.isEmpty()) {
            fail("No embedding call reached the API while " + TEXTS + " texts went through the pipeline.");
        }
        int biggest = calls.stream().mapToInt(LoggedRequest::batchSize).max().orElse(0);
        if (biggest > BATCH_SIZE) {
            fail("A call carried " + biggest + " texts; the pipeline was made with a batch size of " + BATCH_SIZE + ".");
        }
        int needed = (TEXTS + BATCH_SIZE - 1) / BATCH_SIZE;
        if (calls.size() > needed + 2) {
            fail(TEXTS + " texts arrived " + GAP_MS + " ms apart, so batches of " + BATCH_SIZE + " filled well within the "
                    + TIMEOUT.toMillis() + " ms timeout, yet the pipeline made " + count(calls.size(), "call") + " ("
                    + (biggest == 1 ? "each carried 1 text" : "texts per call: "
                    + calls.stream().map(LoggedRequest::batchSize).toList()) + "); about " + needed
                    + " would do. Let the batcher's batches decide the calls.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("embeds the first texts while later ones are still arriving")
    void stagesOverlap(PipelineFactory newPipeline) throws Throwable {
        Outcome outcome = play(newPipeline);
        if (outcome.receivedMs().isEmpty()) {
            fail("No result reached the sink, so there was nothing to time.");
        }
        // Judged by overlap, not by a latency bound: with the stages running side by side the
        // first results arrive some 700 ms before the last text, a margin that outlasts the
        // hiccups of a busy machine; run one after another, nothing reaches the sink before the
        // last text.
        double lastText = outcome.arrivedMs().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double firstResult = outcome.receivedMs().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        if (firstResult >= lastText) {
            fail("No result reached the sink before the last of the " + TEXTS + " texts had arrived (the first result "
                    + "came at " + ms(firstResult) + ", the last text at " + ms(lastText) + "), though batches of "
                    + BATCH_SIZE + " filled every " + BATCH_SIZE * GAP_MS + " ms or so. Do the stages run one after "
                    + "another? Start each on its own thread, so batches are embedded while texts still arrive.");
        }
    }
}
