package ai.asyncjava.kit.checks.ch03;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch03.Pipeline;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PipelineSummary;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.trace.ModelCallLog;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** One pipeline check's source, sink and traffic, and how a run over them went. */
final class PipelineScenario {

    final List<String> prompts;
    final Traffic traffic = new Traffic();
    final ScriptedSource source;
    final RecordingSink sink;
    private final Duration writeTime;

    /**
     * @param pauses    the source's pause before handing out the prompt at each index
     * @param writeTime how long the sink takes per answer
     */
    PipelineScenario(List<String> prompts, Map<Integer, Duration> pauses, Duration writeTime) {
        this.prompts = prompts;
        source = new ScriptedSource(prompts, pauses, traffic);
        sink = new RecordingSink(writeTime, traffic);
        this.writeTime = writeTime;
    }

    /** Sets the model up: every call takes {@code latency}, {@code faults} fail some. Prompt faults come after. */
    static void model(LatencyModel latency, FaultSettings faults) {
        PipelineBench.prepare(latency, faults);
    }

    /** Runs a new pipeline over this scenario's source and sink; fails the check when it does not end. */
    PipelineBench.Run<PipelineSummary> run(Supplier<? extends Pipeline> newPipeline, PipelineConfig config)
            throws InterruptedException {
        return run(newPipeline, config, PipelineBench.RUN_LIMIT, caller -> { }).requireEnded();
    }

    /** Runs a new pipeline for at most {@code limit}, the check's thread doing {@code meanwhile}; never fails. */
    PipelineBench.Run<PipelineSummary> run(Supplier<? extends Pipeline> newPipeline, PipelineConfig config,
                                           Duration limit, BoundedRun.Meanwhile meanwhile)
            throws InterruptedException {
        Pipeline pipeline = newPipeline.get();
        return PipelineBench.run(client -> pipeline.run(source, client, sink, config), limit, meanwhile);
    }

    /**
     * Fails when run threw, returned null, wrote nothing at all (then there is nothing to measure),
     * or returned while its writer was still writing.
     */
    void requireReturned(PipelineBench.Run<PipelineSummary> run) {
        if (run.failure() != null) {
            fail("run threw " + Wording.thrownAt(run.failure()) + ".");
        }
        if (run.result() == null) {
            fail("run returned null; return a PipelineSummary of what the pipeline did.");
        }
        if (sink.written().isEmpty()) {
            fail("Nothing reached the sink: run read " + traffic.read() + " prompts, the model was called "
                    + run.calls().size() + " times, and write was never called.");
        }
        if (sink.written().size() < traffic.read()) {
            // Answers are missing: give a writer that is still at work the time of a few writes to show itself.
            sleepQuietly(writeTime.multipliedBy(3).plusMillis(5));
        }
        long late = sink.writesEndedAfter(run.endedAt());
        if (late > 0) {
            fail((late == 1 ? "1 answer was" : late + " answers were") + " still being written after run had "
                    + "returned. run returns once "
                    + "every answer is written: wait for the writer too, not only for the workers (closing the "
                    + "executor, or get() on every stage's future, waits for every stage).");
        }
    }

    private static void sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
