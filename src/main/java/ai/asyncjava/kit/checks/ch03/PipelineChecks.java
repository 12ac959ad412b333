package ai.asyncjava.kit.checks.ch03;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.exercises.ch03.Pipeline;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PipelineSummary;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.trace.ModelCallLog;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 03's pipeline. Each runs the learner's {@link Pipeline} over the
 * check's own source and sink against a Gemini simulator without the SDK's retries, and measures
 * on the source's, the sink's and the simulator's side.
 */
@HiddenChecks(secondsPerCheck = 3.5)
class PipelineChecks {

    /** One call in five fails: half with 500, half with 503. The seed fixes which ones. */
    static final FaultSettings ONE_IN_FIVE_FAIL = FaultSettings.none().withSeed(3)
            .withShare(Fault.INTERNAL_ERROR, 0.1).withShare(Fault.UNAVAILABLE, 0.1);

    private static final LatencyModel QUICK = LatencyModel.uniform(Duration.ofMillis(10), Duration.ofMillis(50));
    private static final LatencyModel QUICKER = LatencyModel.uniform(Duration.ofMillis(10), Duration.ofMillis(30));

    @Test
    @Order(1)
    @DisplayName("writes every prompt's answer exactly once, beside its own prompt")
    void everyPromptOnce(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(30);
        Scenario scenario = new Scenario(prompts, Map.of(), Duration.ofMillis(1));
        PipelineConfig config = new PipelineConfig(4, 3);

        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, config, QUICK, FaultSettings.none());

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
        Scenario scenario = new Scenario(prompts, Map.of(), Duration.ofMillis(1));

        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, new PipelineConfig(4, 3), QUICKER,
                ONE_IN_FIVE_FAIL);

        long failed = run.calls().stream().filter(PipelineChecks::failedAtTheModel).count();
        if (run.failure() != null) {
            fail("run threw " + PipelineBench.thrown(run.failure()) + ". Here the simulator fails one call in five "
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
    @DisplayName("writes from one thread at a time")
    void oneWriter(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(24);
        Scenario scenario = new Scenario(prompts, Map.of(), Duration.ofMillis(5));

        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, new PipelineConfig(4, 3), QUICKER,
                FaultSettings.none());

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
    @Order(4)
    @DisplayName("reads at most 2 × queue size + workers + 2 prompts ahead of the writer")
    void backpressure(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(30);
        // A slow sink: the writer is the bottleneck, so everything upstream must wait for it.
        Scenario scenario = new Scenario(prompts, Map.of(), Duration.ofMillis(12));
        PipelineConfig config = new PipelineConfig(2, 2);

        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, config,
                LatencyModel.fixed(Duration.ofMillis(5)), FaultSettings.none());

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
    @Order(5)
    @DisplayName("has exactly as many calls in flight as there are workers")
    void workersInFlight(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(25);
        Scenario scenario = new Scenario(prompts, Map.of(), Duration.ofMillis(1));
        PipelineConfig config = new PipelineConfig(5, 5);

        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, config,
                LatencyModel.fixed(Duration.ofMillis(80)), FaultSettings.none());

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
    @Order(6)
    @DisplayName("waits through pauses in the source and stops only at its end")
    void slowSource(Supplier<? extends Pipeline> newPipeline) throws Exception {
        List<String> prompts = PipelineBench.prompts(30);
        Duration pause = Duration.ofMillis(200);
        // The next shard is on a slow disk: the source pauses before prompts 10 and 20.
        Scenario scenario = new Scenario(prompts, Map.of(10, pause, 20, pause), Duration.ofMillis(1));

        PipelineBench.Run<PipelineSummary> run = scenario.run(newPipeline, new PipelineConfig(3, 3), QUICKER,
                FaultSettings.none());

        scenario.requireReturned(run);
        Deliveries.requireEveryPromptOnce(prompts, scenario.sink.written(), scenario.lostHint(run)
                + " The source paused for " + pause.toMillis() + " ms before prompts 11 and 21, as a slow disk would.");
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

    /** One run's source, sink and traffic. */
    private static final class Scenario {
        final Traffic traffic = new Traffic();
        final ScriptedSource source;
        final RecordingSink sink;

        Scenario(List<String> prompts, Map<Integer, Duration> pauses, Duration writeTime) {
            source = new ScriptedSource(prompts, pauses, traffic);
            sink = new RecordingSink(writeTime, traffic);
        }

        /** Runs a new pipeline over this scenario's source and sink, the model taking {@code latency} per call. */
        PipelineBench.Run<PipelineSummary> run(Supplier<? extends Pipeline> newPipeline, PipelineConfig config,
                                               LatencyModel latency, FaultSettings faults) throws InterruptedException {
            PipelineBench.prepare(latency, faults);
            Pipeline pipeline = newPipeline.get();
            return PipelineBench.run(client -> pipeline.run(source, client, sink, config), () -> {
                Set<Thread> threads = new HashSet<>(source.threads());
                threads.addAll(sink.threads());
                return threads;
            });
        }

        /** Fails when run threw, returned null, or wrote nothing at all (then there is nothing to measure). */
        void requireReturned(PipelineBench.Run<PipelineSummary> run) {
            if (run.failure() != null) {
                fail("run threw " + PipelineBench.thrown(run.failure()) + ".");
            }
            if (run.result() == null) {
                fail("run returned null; return a PipelineSummary of what the pipeline did.");
            }
            if (sink.written().isEmpty()) {
                fail("Nothing reached the sink: run read " + traffic.read() + " prompts, the model was called "
                        + run.calls().size() + " times, and write was never called.");
            }
        }

        /** The likely cause when prompts were lost, from what the source and the model saw. */
        String lostHint(PipelineBench.Run<PipelineSummary> run) {
            if (!source.sawEnd()) {
                return " The reader stopped before the source said it had no more prompts (next() returned empty).";
            }
            Set<String> answered = new HashSet<>();
            run.calls().stream().filter(ModelCallLog.ModelCall::succeeded).forEach(c -> answered.add(c.prompt()));
            long readNotAnswered = traffic.read() - answered.size();
            if (readNotAnswered > 0) {
                return " " + readNotAnswered + " prompts were read but never answered by the model: did workers stop "
                        + "(or get interrupted) while prompts were still queued or in flight? Stop a worker only at "
                        + "its end-of-stream marker, never from outside.";
            }
            return " The model answered every prompt, so answers were lost between the workers and the sink: "
                    + "did the writer stop (or get interrupted) before it had taken every answer off the output queue?";
        }
    }
}
