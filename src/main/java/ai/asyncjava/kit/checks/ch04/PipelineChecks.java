package ai.asyncjava.kit.checks.ch04;

import static ai.asyncjava.kit.checks.Wording.count;
import static ai.asyncjava.kit.checks.Wording.millis;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.LearnerThreads;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
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
 * The hidden checks of chapter 04's whole pipeline: the check plays texts onto its input (30
 * texts, 30 ms apart, unless a check needs another stream) and records on its own side when
 * each result reaches the sink, which takes {@link #SINK_MS} over each; the check's simulator
 * logs every embedding call.
 */
@HiddenChecks(secondsPerCheck = 4)
class PipelineChecks {

    static final int BATCH_SIZE = 4;
    static final Duration TIMEOUT = Duration.ofMillis(200);
    static final int TEXTS = 30;
    static final long GAP_MS = 30;
    /** How long the sink takes over each result: the logger stage is still busy when the embedder is done. */
    static final long SINK_MS = 20;

    /** A result as the sink received it, and when it started receiving it. */
    private record Received(long nanos, Embedded result) {}

    /**
     * What one run of a pipeline left behind, times in ms since the first text arrived.
     *
     * @param beforeReturn the results whose sink call had finished when run() returned
     * @param stuck        where the learner's threads waited if run() had not returned; else null
     */
    private record Outcome(List<Embedded> beforeReturn, List<Embedded> all, Map<String, Double> arrivedMs,
                           Map<String, Double> receivedMs, List<LoggedRequest> calls, String stuck,
                           List<ArrivalScript.CpuReading> cpu) {

        boolean returned() {
            return stuck == null;
        }
    }

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

    /** The usual run: 30 texts 30 ms apart, embedding calls of 40 ms, well within the timeout. */
    private static Outcome play(PipelineFactory newPipeline) throws Throwable {
        return play(newPipeline, TIMEOUT, new ArrivalScript().items(TEXTS, GAP_MS).endAfter(60), EmbeddingApi.CALL);
    }

    private static Outcome play(PipelineFactory newPipeline, Duration timeout, ArrivalScript script, Duration call)
            throws Throwable {
        EmbeddingPipeline pipeline = newPipeline.create(BATCH_SIZE, timeout);
        if (pipeline == null) {
            fail("The factory made null instead of a pipeline; check the constructor you pass in.");
        }
        WatchedInput input = new WatchedInput();
        List<Received> received = new ArrayList<>();
        try (EmbeddingApi api = EmbeddingApi.start(call)) {
            StageThread thread = StageThread.start("pipeline under check", () -> pipeline.run(api.client, input,
                    result -> {
                        LearnerThreads.noteCurrentThread(); // the logger stage's thread
                        long started = System.nanoTime();
                        try {
                            Thread.sleep(SINK_MS);
                        } catch (InterruptedException stopped) {
                            Thread.currentThread().interrupt();
                        }
                        synchronized (received) {
                            received.add(new Received(started, result));
                        }
                    }));
            long endNanos = script.play(input, thread::died);
            long deadline = (endNanos == 0 ? System.nanoTime() : endNanos) + Tolerances.Ch04.PIPELINE_END_WAIT.nanos();
            boolean returned = thread.awaitEnd(deadline);
            List<Embedded> beforeReturn;
            synchronized (received) {
                beforeReturn = received.stream().map(Received::result).toList();
            }
            String stuck = returned ? null : thread.whereStuck();
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
            return new Outcome(beforeReturn, all, arrived, receivedAt, api.embeddingCalls(), stuck, script.cpuReadings());
        }
    }

    @Test
    @Order(1)
    @DisplayName("hands every text to the sink once, with its own embedding, before it returns")
    void everyTextOnceBeforeReturn(PipelineFactory newPipeline) throws Throwable {
        Outcome outcome = play(newPipeline);
        List<String> texts = new ArrayList<>(outcome.arrivedMs().keySet().stream().sorted().toList());
        if (!outcome.returned()) {
            fail("run() had not returned " + Tolerances.Ch04.PIPELINE_END_WAIT + " after the end marker arrived ("
                    + outcome.all().size() + " of " + TEXTS + " results had reached the sink by then). Does the end "
                    + "marker reach every stage, and does run() wait for the stages (and only for them)? Still "
                    + "waiting: " + outcome.stuck());
        }
        int late = outcome.all().size() - outcome.beforeReturn().size();
        if (late > 0) {
            fail(count(late, "result") + " reached the sink after run() had returned (the sink takes " + SINK_MS
                    + " ms over each). Wait for the logger stage to finish, not just the stages before it: whoever "
                    + "called run() takes the results as complete.");
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
                    + "came at " + millis(firstResult) + ", the last text at " + millis(lastText) + "), though batches of "
                    + BATCH_SIZE + " filled every " + BATCH_SIZE * GAP_MS + " ms or so. Do the stages run one after "
                    + "another? Start each on its own thread, so batches are embedded while texts still arrive.");
        }
    }

    @Test
    @Order(4)
    @DisplayName("keeps batching while a batch is being embedded")
    void embedsOffTheBatchersThread(PipelineFactory newPipeline) throws Throwable {
        // Calls of 450 ms, longer than the 400 ms timeout; texts 550 ms apart, each alone in its
        // batch, arrive while the text before is being embedded. With the embedder on a thread
        // of its own, each text's call starts when its batch times out, the embedder free by
        // then: its result comes timeout + call after it arrived. A batcher that makes the call
        // itself does not read the input meanwhile, and the texts wait for it.
        Duration timeout = Duration.ofMillis(400);
        Duration call = Duration.ofMillis(450);
        Outcome outcome = play(newPipeline, timeout, new ArrivalScript().items(4, 550).endAfter(500), call);
        double limitMs = timeout.toMillis() + call.toMillis() + Tolerances.Ch04.LATE.millis();
        for (Map.Entry<String, Double> text : outcome.arrivedMs().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Double result = outcome.receivedMs().get(text.getKey());
            if (result == null) {
                fail("The result for " + text.getKey() + " never reached the sink.");
            }
            double took = result - text.getValue();
            if (took > limitMs) {
                fail("Embedding calls took " + Wording.duration(call) + ", the timeout was " + Wording.duration(timeout)
                        + ", and texts came 550 ms apart, so each result could reach the sink "
                        + Wording.duration(timeout.plus(call)) + " after its text arrived; " + text.getKey() + "'s took "
                        + millis(took) + " (allowed: " + Tolerances.Ch04.LATE + " more on a busy machine). Does the "
                        + "batcher's thread make the embedding call itself? While it waits for the API it reads no "
                        + "input, and texts wait longer than the timeout. Put each batch on a queue for an embedder "
                        + "stage running on a thread of its own.");
            }
        }
    }

    @Test
    @Order(5)
    @DisplayName("waits without using the processor while no text arrives")
    void waitsWithoutSpinning(PipelineFactory newPipeline) throws Throwable {
        // A full batch, embedded and logged, then nothing for a while: every stage can only wait.
        ArrivalScript stream = new ArrivalScript().items(BATCH_SIZE, 10).quietPause("for the next text")
                .items(BATCH_SIZE, 10).endAfter(50);
        Outcome outcome = play(newPipeline, TIMEOUT, stream, EmbeddingApi.CALL);
        NoBusyWaiting.require(outcome.cpu(), "the pipeline", "Every stage should wait in take() (the batcher in "
                + "poll(time left, unit) while it holds items), and run() in get() or by closing the executor: a "
                + "loop around poll() or isDone() keeps a processor core busy doing nothing.");
    }
}
