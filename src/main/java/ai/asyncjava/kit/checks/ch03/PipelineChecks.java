package ai.asyncjava.kit.checks.ch03;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.CpuWhileWaiting;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.StuckThreads;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch03.Pipeline;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PipelineSummary;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.trace.ModelCallLog;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 03's pipeline. Each runs the learner's {@link Pipeline} over the
 * check's own source and sink against a Gemini simulator without the SDK's retries, and measures
 * on the source's, the sink's and the simulator's side.
 */
@HiddenChecks(secondsPerCheck = 5.5)
class PipelineChecks {

    /** One call in five fails: half with 500, half with 503. The seed fixes which ones. */
    static final FaultSettings ONE_IN_FIVE_FAIL = FaultSettings.none().withSeed(3)
            .withShare(Fault.INTERNAL_ERROR, 0.1).withShare(Fault.UNAVAILABLE, 0.1);

    /** The contract's fewest tries of a prompt before giving up on it. */
    private static final int MIN_TRIES = 8;
    /**
     * How long a run whose one prompt always fails may take: 8 tries with pauses that grow to half a
     * second take about 2 s (the reference at most 2.3 s).
     */
    private static final Duration PERMANENT_FAILURE_LIMIT = Duration.ofMillis(3_500);
    /** How long the busy-waiting probe lets the first answers go through before it measures, and for how long. */
    private static final Duration SETTLE_BEFORE_MEASURING = Duration.ofMillis(100);
    private static final Duration CPU_WINDOW = Duration.ofMillis(300);
    /** How long the cancelled run is watched: the cancel comes after about 200 ms. */
    private static final Duration CANCELLED_RUN_LIMIT = Duration.ofMillis(1_500);

    private static final LatencyModel QUICK = LatencyModel.uniform(Duration.ofMillis(10), Duration.ofMillis(50));
    private static final LatencyModel QUICKER = LatencyModel.uniform(Duration.ofMillis(10), Duration.ofMillis(30));

    @Test
    @Order(1)
    @DisplayName("writes every prompt's answer exactly once, beside its own prompt")
    void everyPromptOnce(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(30);
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(), Duration.ofMillis(1));
        PipelineConfig config = new PipelineConfig(4, 3);

        PipelineScenario.model(QUICK, FaultSettings.none());
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, config);

        scenario.requireReturned(run);
        Deliveries.requireEveryPromptOnce(prompts, scenario.sink.written(), scenario.lostHint(run));
        PipelineSummary summary = run.result();
        if (summary.read() != prompts.size() || summary.written() != prompts.size()) {
            fail("run returned " + summary + ", but it read " + prompts.size() + " prompts and wrote "
                    + prompts.size() + " answers. Count the prompts in the reader and the answers in the writer.");
        }
    }

    @Test
    @Order(2)
    @DisplayName("tries a failed call again until every prompt is answered")
    void retriesFailedCalls(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(30);
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(), Duration.ofMillis(1));

        PipelineScenario.model(QUICKER, ONE_IN_FIVE_FAIL);
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, new PipelineConfig(4, 3));

        long failed = run.calls().stream().filter(PipelineChecks::failedAtTheModel).count();
        if (run.failure() != null) {
            fail("run threw " + Wording.thrownAt(run.failure()) + ". Here the simulator fails one call in five "
                    + "(HTTP 500 or 503), and " + failed + " calls failed; the checks' client does not retry for you. "
                    + "Catch a failed call's exception and call again after a short pause.");
        }
        scenario.requireReturned(run);
        Deliveries.requireEveryPromptOnce(prompts, scenario.sink.written(), " The simulator failed " + failed
                + " calls (HTTP 500 or 503)" + neverRetried(run.calls()) + ". The checks' client does not retry for "
                + "you: catch a failed call's exception and call again after a short pause, until it succeeds.");
        if (run.result().failedCalls() != failed) {
            fail("run returned " + run.result() + ", but " + failed + " calls failed. Count every failed call, "
                    + "from all workers (an AtomicInteger is safe to share).");
        }
    }

    @Test
    @Order(3)
    @DisplayName("answers a prompt that fails 5 times running (503 and 429) before it succeeds")
    void retriesUntilAnswered(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(12);
        String stubborn = prompts.get(4);
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(), Duration.ofMillis(1));

        PipelineScenario.model(QUICKER, FaultSettings.none());
        PipelineBench.failPrompt(stubborn, Fault.UNAVAILABLE, Fault.RESOURCE_EXHAUSTED, Fault.UNAVAILABLE,
                Fault.RESOURCE_EXHAUSTED, Fault.UNAVAILABLE);
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, new PipelineConfig(3, 3));

        int tries = run.callsOf(stubborn).size();
        String setting = "Here \"" + stubborn + "\" failed its first 5 tries (HTTP 503 and 429, as an overloaded "
                + "model does) and was answered on its 6th; the pipeline tried it " + Wording.count(tries, "time");
        String advice = " Try a failed call again after a short pause, at least " + MIN_TRIES + " times before giving "
                + "up on a prompt, for a 429 as for a 5xx (an ApiException whose code() is 429, or 500 and up).";
        if (run.failure() != null) {
            fail(setting + ", and run threw " + Wording.thrownAt(run.failure()) + "." + advice);
        }
        scenario.requireReturned(run);
        Deliveries.requireEveryPromptOnce(prompts, scenario.sink.written(), " " + setting + "." + advice);
    }

    @Test
    @Order(4)
    @DisplayName("throws when a prompt fails on every try, after trying it at least 8 times")
    void permanentFailureSurfaces(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(10);
        String doomed = prompts.get(2);
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(), Duration.ofMillis(1));

        PipelineScenario.model(QUICKER, FaultSettings.none());
        PipelineBench.failPromptAlways(doomed, Fault.UNAVAILABLE);
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, new PipelineConfig(3, 3),
                PERMANENT_FAILURE_LIMIT, caller -> { });

        int tries = run.callsOf(doomed).size();
        String setting = "Here every try of \"" + doomed + "\" fails with 503 UNAVAILABLE";
        if (!run.outcome().returned()) {
            fail(setting + ", and run had not ended after " + Wording.seconds(run.outcome().limit()) + "; the "
                    + "pipeline had tried it " + Wording.count(tries, "time") + (tries >= MIN_TRIES
                    ? " and was still at it. Give up on a prompt after a set number of tries (" + MIN_TRIES + ", say) "
                    + "and throw, so that run throws: a prompt that never succeeds must not hold the pipeline up."
                    : ". Keep the pauses between tries short (growing, but no longer than half a second or so), so "
                    + "that a prompt that always fails is given up within a few seconds.")
                    + " Still waiting: " + run.outcome().stuck());
        }
        if (run.failure() == null) {
            fail(setting + "; the pipeline tried it " + Wording.count(tries, "time") + ", and run returned normally: "
                    + "the prompt was dropped without a word. Once a prompt has used up its tries, throw (its last "
                    + "failure will do) so that run throws, and whoever runs the pipeline learns of it.");
        }
        if (tries < MIN_TRIES) {
            fail(setting + "; the pipeline gave up on it after trying it " + Wording.count(tries, "time") + " (run threw "
                    + Wording.thrownAt(run.failure()) + "). Try a prompt at least " + MIN_TRIES + " times before "
                    + "giving up on it: an overloaded model often answers after a few seconds.");
        }
    }

    @Test
    @Order(5)
    @DisplayName("does not retry a call that failed with 400, and throws")
    void badRequestNotRetried(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(10);
        String invalid = prompts.get(3);
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(), Duration.ofMillis(1));

        PipelineScenario.model(QUICKER, FaultSettings.none());
        PipelineBench.failPromptAlways(invalid, Fault.INVALID_ARGUMENT);
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, new PipelineConfig(3, 3),
                PipelineBench.RUN_LIMIT, caller -> { });

        int tries = run.callsOf(invalid).size();
        String setting = "Here \"" + invalid + "\" is answered with 400 INVALID_ARGUMENT: the request itself is "
                + "wrong, so every try fails the same way";
        String advice = " Retry only the failures that may pass on another try, 429 and 5xx (e.code() == 429 || "
                + "e.code() >= 500); any other ApiException fails the prompt for good: throw it at once.";
        if (!run.outcome().returned()) {
            fail(setting + ", and run had not ended after " + Wording.seconds(run.outcome().limit()) + "; the "
                    + "pipeline had tried it " + Wording.count(tries, "time") + "." + advice
                    + " Still waiting: " + run.outcome().stuck());
        }
        if (tries > 1) {
            fail(setting + "; the pipeline tried it " + Wording.count(tries, "time") + "." + advice);
        }
        if (run.failure() == null) {
            fail(setting + "; run returned normally: the prompt was dropped without a word. Throw the "
                    + "ApiException, so that run throws and whoever runs the pipeline learns of it.");
        }
    }

    @Test
    @Order(6)
    @DisplayName("writes from one thread at a time")
    void oneWriter(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(24);
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(), Duration.ofMillis(5));

        PipelineScenario.model(QUICKER, FaultSettings.none());
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, new PipelineConfig(4, 3));

        scenario.requireReturned(run);
        List<String> overlap = scenario.sink.overlap();
        if (!overlap.isEmpty()) {
            fail("Two threads called write at the same time (writing \"" + overlap.get(0) + "\" and \"" + overlap.get(1)
                    + "\"), and " + scenario.sink.threads().size() + " threads wrote in all. Like a file, the sink "
                    + "takes one writer at a time: let the workers put their answers on the output queue, and one "
                    + "writer thread take them off and write them.");
        }
    }

    @Test
    @Order(7)
    @DisplayName("reads at most 2 × queue size + workers + 2 prompts ahead of the writer")
    void backpressure(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(30);
        // A slow sink: the writer is the bottleneck, so everything upstream must wait for it.
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(), Duration.ofMillis(12));
        PipelineConfig config = new PipelineConfig(2, 2);

        PipelineScenario.model(LatencyModel.fixed(Duration.ofMillis(5)), FaultSettings.none());
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, config);

        scenario.requireReturned(run);
        int allowed = 2 * config.queueSize() + config.workers() + 2;
        int ahead = scenario.traffic.mostAhead();
        if (ahead > allowed) {
            fail("The reader got " + ahead + " prompts ahead of the writer (when it had read "
                    + scenario.traffic.readWhenMostAhead() + "); with queues of " + config.queueSize() + " and "
                    + config.workers() + " workers at most " + allowed + " may be on their way: " + config.queueSize()
                    + " in each queue, one per worker, one in the reader's hands and one in the writer's. Give both "
                    + "queues a capacity of config.queueSize(), e.g. new ArrayBlockingQueue<>(config.queueSize()), so "
                    + "put() waits while a queue is full and a slow writer slows the reader down.");
        }
    }

    @Test
    @Order(8)
    @DisplayName("has exactly as many calls in flight as there are workers")
    void workersInFlight(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(25);
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(), Duration.ofMillis(1));
        PipelineConfig config = new PipelineConfig(5, 5);

        PipelineScenario.model(LatencyModel.fixed(Duration.ofMillis(80)), FaultSettings.none());
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, config);

        scenario.requireReturned(run);
        int peak = run.peakInFlight();
        if (peak == 0) {
            fail("The pipeline never called the model.");
        }
        if (peak < config.workers()) {
            fail("At most " + (peak == 1 ? "1 call was" : peak + " calls were") + " in flight at once with " + config.workers() + " workers; the "
                    + "simulator should have seen " + config.workers() + ". Start config.workers() workers, each "
                    + "taking prompts from the input queue and calling the model, and let nothing make them take "
                    + "turns (such as a lock around the call).");
        }
        if (peak > config.workers()) {
            fail(peak + " calls were in flight at once with " + config.workers() + " workers. Each worker makes one "
                    + "call at a time, so the workers are what bounds the load on the model (and on your quota): "
                    + "no thread per prompt.");
        }
    }

    @Test
    @Order(9)
    @DisplayName("waits through pauses in the source and stops only at its end")
    void slowSource(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(30);
        Duration pause = Duration.ofMillis(200);
        // The next shard is on a slow disk: the source pauses before prompts 10 and 20.
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(10, pause, 20, pause), Duration.ofMillis(1));

        PipelineScenario.model(QUICKER, FaultSettings.none());
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, new PipelineConfig(3, 3));

        scenario.requireReturned(run);
        Deliveries.requireEveryPromptOnce(prompts, scenario.sink.written(), scenario.lostHint(run)
                + " The source paused for " + pause.toMillis() + " ms before prompts 11 and 21, as a slow disk would.");
    }

    @Test
    @Order(10)
    @DisplayName("uses no processor time while it waits for the source")
    void noBusyWaiting(Supplier<? extends Pipeline> newPipeline) throws Exception {
        if (!CpuWhileWaiting.supported()) {
            return; // this JVM cannot tell how much processor time its threads use
        }
        List<String> prompts = PipelineBench.prompts(12);
        Duration pause = Duration.ofMillis(500);
        // The next shard is on a slow disk: once the first 6 prompts are through, nothing moves for a while.
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(6, pause), Duration.ofMillis(1));
        AtomicReference<CpuWhileWaiting.Reading> reading = new AtomicReference<>();
        AtomicReference<String> where = new AtomicReference<>("");

        PipelineScenario.model(LatencyModel.fixed(Duration.ofMillis(10)), FaultSettings.none());
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, new PipelineConfig(4, 3),
                PipelineBench.RUN_LIMIT, caller -> {
                    // Measured even when the pause never comes: a pipeline that polls may starve its own reader.
                    scenario.source.awaitFirstPause(Duration.ofSeconds(1));
                    Thread.sleep(SETTLE_BEFORE_MEASURING); // the first 6 answers go through meanwhile
                    reading.set(CpuWhileWaiting.measure(CPU_WINDOW, Tolerances.Ch03.CPU_WHILE_WAITING));
                    where.set(whereTheWorkersAre(scenario));
                });

        if (reading.get().busy()) {
            fail("While the source paused for " + Wording.duration(pause) + " (a slow disk) and the workers and the "
                    + "writer had nothing to do, " + reading.get().described() + ". A stage that waits for a queue "
                    + "must block in take() (or a poll with a timeout), not ask again and again in a loop "
                    + "(poll() or poll(0, ...) return at once): such a loop keeps a core busy while it waits, and "
                    + "virtual threads that never wait keep the others off the few carrier threads." + where.get());
        }
        run.requireEnded();
        scenario.requireReturned(run);
        Deliveries.requireEveryPromptOnce(prompts, scenario.sink.written(), scenario.lostHint(run));
    }

    @Test
    @Order(11)
    @DisplayName("stops every stage at once when run is cancelled, even in the middle of a model call")
    void cancelStopsEveryStage(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(16);
        PipelineConfig config = new PipelineConfig(4, 3);
        PipelineScenario scenario = new PipelineScenario(prompts, Map.of(), Duration.ofMillis(1));
        AtomicLong cancelledAt = new AtomicLong();

        PipelineScenario.model(LatencyModel.fixed(Duration.ofMillis(600)), FaultSettings.none());
        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, config, CANCELLED_RUN_LIMIT, caller -> {
            // Once every worker has a prompt, give their calls a moment to reach the model, then cancel.
            long readyBy = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (scenario.traffic.read() < config.workers() && System.nanoTime() < readyBy) {
                Thread.sleep(5);
            }
            Thread.sleep(150);
            cancelledAt.set(System.nanoTime());
            caller.interrupt();
        });

        long callsAfter = run.calls().stream().filter(c -> c.startNanos() > cancelledAt.get()).count();
        String setting = "run's thread was interrupted (cancelled) while its workers waited for the model";
        String carriedOn = callsAfter == 0 ? "" : " " + Wording.count(callsAfter, "model call") + " began after the "
                + "cancel: a worker took the interrupt for a failed call and carried on. The SDK reports an interrupted "
                + "call as a GenAiIOException, and sleep as an InterruptedException: catch ApiException to retry, "
                + "never Exception, and let an interrupt end the worker.";
        if (!run.outcome().returned()) {
            fail(setting + ", and " + Wording.seconds(run.outcome().limit()) + " after it began run had not ended."
                    + carriedOn + " Still waiting: " + run.outcome().stuck());
        }
        long tookToEnd = run.endedAt() - cancelledAt.get();
        if (tookToEnd > Tolerances.Ch03.CANCELLED_RUN_ENDS.nanos()) {
            fail(setting + ", and it took " + Wording.millis(tookToEnd / 1e6) + " to end (the check allows "
                    + Tolerances.Ch03.CANCELLED_RUN_ENDS + ")." + carriedOn + " When run is interrupted, stop "
                    + "every stage (shutdownNow interrupts them) rather than let them finish their prompts.");
        }
        if (callsAfter > 0) {
            fail(setting + "." + carriedOn);
        }
    }

    // " Where the workers and the writer were: 4 threads running in LinkedBlockingQueue.poll, called from ..."
    private static String whereTheWorkersAre(PipelineScenario scenario) {
        Set<Thread> threads = new LinkedHashSet<>(PipelineBench.callers());
        threads.addAll(scenario.sink.threads());
        threads.removeIf(t -> !t.isAlive());
        return threads.isEmpty() ? "" : " Where the workers and the writer were: " + StuckThreads.describe(threads) + ".";
    }

    /** A call the model answered with an error; not one cut short on the caller's side (status 0). */
    private static boolean failedAtTheModel(ModelCallLog.ModelCall call) {
        return call.status() >= 400;
    }

    // "; 3 prompts were never called again after a failure"
    private static String neverRetried(List<ModelCallLog.ModelCall> calls) {
        Set<String> answered = new HashSet<>();
        Set<String> failed = new HashSet<>();
        calls.stream().filter(ModelCallLog.ModelCall::succeeded).forEach(c -> answered.add(c.prompt()));
        calls.stream().filter(PipelineChecks::failedAtTheModel).forEach(c -> failed.add(c.prompt()));
        failed.removeAll(answered);
        return failed.isEmpty() ? "" : "; " + failed.size() + " prompts were never called again after a failure";
    }
}
