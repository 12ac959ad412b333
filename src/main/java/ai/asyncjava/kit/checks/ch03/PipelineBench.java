package ai.asyncjava.kit.checks.ch03;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.StuckThreads;
import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.trace.ModelCallLog;
import com.google.genai.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model the pipeline checks run the learner's pipeline against: one Gemini simulator and one
 * client without the SDK's retries (so the learner's retries are what is tested), shared by every
 * check in the JVM and set up afresh for each. The client records its calls, which also tells the
 * harness about the learner's worker threads.
 *
 * <p>The simulator is started on a thread of the JVM's top thread group, never from a check's
 * thread, so its server threads are never taken for threads the learner's code left running (the
 * client's own housekeeping threads start on virtual threads, see {@link ModelCallLog}).
 */
final class PipelineBench {

    /** How long a pipeline may take before the check says where it is stuck. */
    static final Duration RUN_LIMIT = Duration.ofMillis(2_500);

    private static GeminiSimulator simulator;
    private static ModelCallLog calls;
    private static Client client;

    private PipelineBench() {}

    /** The outcome of one run: what {@code run} returned or threw, how long it took, and what the model saw. */
    record Run<R>(R result, Exception failure, long millis, List<LoggedRequest> requests,
                  List<ModelCallLog.ModelCall> calls) {

        /** The most calls the simulator had in flight at once. */
        int peakInFlight() {
            return ai.asyncjava.kit.simulators.LogFigures.peakInFlight(requests);
        }

        /** The calls the simulator failed on purpose. */
        long injectedFailures() {
            return requests.stream().filter(r -> !"none".equals(r.fault())).count();
        }
    }

    /** A learner's pipeline, run by {@link #run}. */
    @FunctionalInterface
    interface Body<R> {
        R run(Client client) throws Exception;
    }

    /**
     * Sets the simulator up for one check: every generation takes {@code latency}, and
     * {@code faults} fail some of them; the request log and the call log start empty.
     */
    static void prepare(LatencyModel latency, FaultSettings faults) {
        onTopThread(() -> {
            start();
            simulator.reconfigure(c -> c.withLatencies(GeminiLatencies.none().withGenerate(latency))
                    .withFaults(faults));
            simulator.reset();
            calls.clear();
            return null;
        });
    }

    /**
     * Runs {@code body} with the bench's client on a thread of the check's own, at most
     * {@link #RUN_LIMIT}. When it overruns, the check fails, saying where the learner's threads wait.
     *
     * @param watched threads to describe besides the workers, when the run gets stuck
     */
    static <R> Run<R> run(Body<R> body, Callable<Set<Thread>> watched) throws InterruptedException {
        AtomicReference<R> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime();
        // A platform thread of the check's group: pools the learner starts from it are the learner's.
        Thread caller = new Thread(() -> {
            try {
                result.set(body.run(client));
            } catch (Exception e) {
                failure.set(e);
            }
        }, "pipeline caller");
        caller.setDaemon(true);
        caller.start();
        caller.join(RUN_LIMIT);
        if (caller.isAlive()) {
            failStuck(caller, watched);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Run<>(result.get(), failure.get(), millis, simulator.log().requests(), calls.calls());
    }

    private static void failStuck(Thread caller, Callable<Set<Thread>> watched) throws InterruptedException {
        Set<Thread> threads = new LinkedHashSet<>();
        threads.add(caller);
        try {
            threads.addAll(watched.call());
        } catch (Exception ignored) {
            // describe what we know
        }
        threads.addAll(calls.callers());
        String where = StuckThreads.describe(threads);
        String hint = StuckThreads.hint(threads);
        threads.forEach(Thread::interrupt);
        caller.join(1_000);
        fail(String.format(Locale.ROOT, "run did not return within %.1f s. Still waiting: %s.%s",
                RUN_LIMIT.toMillis() / 1000.0, where, hint));
    }

    private static synchronized void start() {
        if (simulator == null) {
            simulator = GeminiSimulator.start(GeminiSimulatorConfig.fast());
            calls = new ModelCallLog();
            client = calls.client(simulator.baseUrl(), simulator.apiKey());
            // Loads the SDK's classes now, so the first learner run is not timed with them.
            client.models.generateContent(Gemini.MODEL, "What is one plus one?", null);
        }
    }

    private static void onTopThread(Callable<Void> work) {
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread thread = new Thread(top, () -> {
            try {
                work.call();
            } catch (Exception e) {
                failure.set(e);
            }
        }, "pipeline checks setup");
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the simulator", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the checks' Gemini simulator could not be set up: " + failure.get(),
                    failure.get());
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

    /** "ServerException: 503 ... (thrown at QueuePipeline.generate (line 80))": what the learner's run threw. */
    static String thrown(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root
                && (root instanceof java.util.concurrent.ExecutionException
                || root instanceof java.util.concurrent.CompletionException)) {
            root = root.getCause();
        }
        String where = java.util.Arrays.stream(root.getStackTrace()).filter(ai.asyncjava.kit.checks.LearnerFrames::isLearnerCode).findFirst()
                .map(frame -> " (thrown at " + ai.asyncjava.kit.checks.LearnerFrames.describe(frame) + ")").orElse("");
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + where;
    }
}
