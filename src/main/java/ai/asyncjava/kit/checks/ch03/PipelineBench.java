package ai.asyncjava.kit.checks.ch03;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LogFigures;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.trace.ModelCallLog;
import com.google.genai.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The model the pipeline checks run the learner's pipeline against: one Gemini simulator and one
 * client without the SDK's retries (so the learner's retries are what is tested), shared by every
 * check in the JVM and set up afresh for each. The client records its calls, which also tells the
 * harness about the learner's worker threads. Both are started outside the check (see
 * {@link CheckSimulators}), so their threads are never taken for the learner's.
 */
final class PipelineBench {

    /** How long a pipeline may take before the check says where it is stuck (scaled by the slowdown). */
    static final Duration RUN_LIMIT = Duration.ofMillis(2_500);

    private static GeminiSimulator simulator;
    private static ModelCallLog calls;
    private static Client client;

    private PipelineBench() {}

    /**
     * The outcome of one run: what {@code run} returned or threw, when it ended, and what the
     * model saw.
     *
     * @param endedAt {@link System#nanoTime()} when {@code run} returned or threw; 0 when it did not end
     */
    record Run<R>(BoundedRun.Outcome<R> outcome, long endedAt, List<LoggedRequest> requests,
                  List<ModelCallLog.ModelCall> calls) {

        R result() {
            return outcome.result();
        }

        Throwable failure() {
            return outcome.failure();
        }

        /** Fails the check, saying where the learner's threads wait, when run did not end in time. */
        Run<R> requireEnded() {
            outcome.requireReturned();
            return this;
        }

        /** The most calls the simulator had in flight at once. */
        int peakInFlight() {
            return LogFigures.peakInFlight(requests);
        }

        /** The calls made with {@code prompt}. */
        List<ModelCallLog.ModelCall> callsOf(String prompt) {
            return calls.stream().filter(c -> c.prompt().equals(prompt)).toList();
        }
    }

    /** A learner's pipeline, run by {@link #run}. */
    @FunctionalInterface
    interface Body<R> {
        R run(Client client) throws Exception;
    }

    /**
     * Sets the simulator up for one check: every generation takes {@code latency}, and
     * {@code faults} fail some of them; no prompt has faults of its own; the request log and the
     * call log start empty.
     */
    static void prepare(LatencyModel latency, FaultSettings faults) {
        CheckSimulators.outsideTheCheck(() -> {
            start();
            simulator.reconfigure(c -> c.withLatencies(GeminiLatencies.none().withGenerate(latency))
                    .withFaults(faults));
            simulator.reset();
            calls.clear();
            return null;
        });
    }

    /** After {@link #prepare}: the tries of {@code prompt} get {@code faults}, one each, then succeed. */
    static void failPrompt(String prompt, Fault... faults) {
        simulator.failPrompt(prompt, faults);
    }

    /** After {@link #prepare}: every try of {@code prompt} gets {@code fault}. */
    static void failPromptAlways(String prompt, Fault fault) {
        simulator.failPromptAlways(prompt, fault);
    }

    /** Runs {@code body} with the bench's client for at most {@link #RUN_LIMIT}; fails the check when it does not end. */
    static <R> Run<R> run(Body<R> body) throws InterruptedException {
        return run(body, RUN_LIMIT, caller -> { }).requireEnded();
    }

    /**
     * Runs {@code body} with the bench's client on a thread the check owns, for at most {@code limit}
     * (scaled), while the check's thread does {@code meanwhile}; never fails by itself.
     */
    static <R> Run<R> run(Body<R> body, Duration limit, BoundedRun.Meanwhile meanwhile) throws InterruptedException {
        AtomicLong endedAt = new AtomicLong();
        BoundedRun.Outcome<R> outcome = BoundedRun.call("run()", limit, () -> {
            try {
                return body.run(client);
            } finally {
                endedAt.set(System.nanoTime());
            }
        }, meanwhile);
        return new Run<>(outcome, outcome.returned() ? endedAt.get() : 0, simulator.log().requests(), calls.calls());
    }

    /** The threads that have called the model in this check: the learner's workers. */
    static List<Thread> callers() {
        return calls.callers();
    }

    private static synchronized void start() {
        if (simulator == null) {
            simulator = CheckSimulators.gemini(GeminiSimulatorConfig.fast());
            calls = new ModelCallLog();
            client = calls.client(simulator.baseUrl(), simulator.apiKey());
        }
    }

    /** Prompts like the chapter's: "What is two times 0?" to "What is two times {@code count - 1}?". */
    static List<String> prompts(int count) {
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prompts.add("What is two times " + i + "?");
        }
        return prompts;
    }
}
