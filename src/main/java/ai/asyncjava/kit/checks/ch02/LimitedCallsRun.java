package ai.asyncjava.kit.checks.ch02;

import ai.asyncjava.kit.checks.LearnerFrames;
import ai.asyncjava.kit.checks.LearnerThreads;
import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch02.RateLimitedFanOut;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiQuota;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import com.google.genai.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * One run of the learner's {@link RateLimitedFanOut} with the learner's limiter, against a
 * Gemini simulator with a quota and a client that does not retry: what the checks of step 2
 * judge. The run is made once per check run and shared by its checks (it takes seconds).
 *
 * @param answers     what askAll returned (null when it threw or did not finish)
 * @param failure     what askAll threw, if it did
 * @param stuckAt     where askAll was when it did not finish in time, or null
 * @param tookNanos   how long askAll took
 * @param requests    what the simulator saw
 * @param logOrigin   the {@code System.nanoTime()} at which the simulator's log times start
 * @param acquiredAt  when each call of the limiter's acquire() returned, in order
 */
record LimitedCallsRun(List<String> answers, Throwable failure, String stuckAt, long tookNanos,
                       List<LoggedRequest> requests, long logOrigin, List<Long> acquiredAt) {

    /** The simulator's quota: the free tier's 10 a minute, scaled down to keep the check quick. */
    static final int QUOTA = 5;
    static final Duration WINDOW = Duration.ofMillis(500);
    /** How much longer than the quota's window the limiter's interval is; see {@link #limiterInterval()}. */
    static final Duration MARGIN = Duration.ofMillis(150);
    static final Duration LATENCY_MIN = Duration.ofMillis(100);
    static final Duration LATENCY_MAX = Duration.ofMillis(300);
    static final List<String> PROMPTS = IntStream.rangeClosed(1, 3 * QUOTA)
            .mapToObj(i -> "What is " + (i + 1) + " times " + (17 - i) + "?").toList();

    private static final long GIVE_UP_NANOS = 4_500_000_000L;
    private static final long REUSE_NANOS = 20_000_000_000L;

    private static Object lastSetup;
    private static LimitedCallsRun lastRun;
    private static long lastRunAt;

    /**
     * The limiter's interval: the quota's window and a margin. The limiter sees a request when
     * acquire() returns, the server when the request arrives a few milliseconds later; those
     * few milliseconds vary, so a limiter that spaces requests exactly one window apart can have
     * two arrive a hair less than a window apart, which the server counts as one too many.
     */
    static Duration limiterInterval() {
        return WINDOW.plus(MARGIN);
    }

    /** The run for these learner classes, made now or taken from a moment ago. */
    static synchronized LimitedCallsRun of(Chapter02.LimitedCalls setup) throws Exception {
        if (lastSetup != setup || System.nanoTime() - lastRunAt > REUSE_NANOS) {
            lastRun = run(setup);
            lastSetup = setup;
            lastRunAt = System.nanoTime();
        }
        return lastRun;
    }

    private static LimitedCallsRun run(Chapter02.LimitedCalls setup) throws Exception {
        RateLimiter learnerLimiter = setup.limiters().create(QUOTA, limiterInterval());
        if (learnerLimiter == null) {
            org.junit.jupiter.api.Assertions.fail("Your limiter factory returned null; it must return a new limiter.");
        }
        RateLimitedFanOut fanOut = setup.fanOuts().get();
        if (fanOut == null) {
            org.junit.jupiter.api.Assertions.fail("Your fan-out factory returned null; it must return a new object.");
        }
        ConcurrentLinkedQueue<Long> acquiredAt = new ConcurrentLinkedQueue<>();
        RateLimiter counting = () -> {
            learnerLimiter.acquire();
            acquiredAt.add(System.nanoTime());
        };
        GeminiSimulatorConfig config = GeminiSimulatorConfig.fast()
                .withLatencies(GeminiLatencies.none().withGenerate(LatencyModel.uniform(LATENCY_MIN, LATENCY_MAX)))
                .withQuota(GeminiQuota.perWindow(QUOTA, WINDOW));
        // The simulator, the client and the client's first call start their threads from a
        // virtual thread, so that none of them counts as a thread the learner's code left behind.
        GeminiSimulator simulator = outsideTheCheck(() -> GeminiSimulator.start(config));
        try (Client client = outsideTheCheck(() -> warmedUp(simulator.clientWithoutRetries()))) {
            long before = System.nanoTime();
            simulator.reset();
            long logOrigin = (before + System.nanoTime()) / 2;
            AtomicReference<List<String>> answers = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long start = System.nanoTime();
            Thread caller = Thread.ofVirtual().start(() -> {
                LearnerThreads.noteCurrentThread();
                try {
                    answers.set(fanOut.askAll(client, counting, PROMPTS));
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            caller.join(Duration.ofNanos(GIVE_UP_NANOS));
            long took = System.nanoTime() - start;
            String stuckAt = null;
            if (caller.isAlive()) {
                stuckAt = LearnerFrames.innermost(caller.getStackTrace()).orElse("a place outside your code");
                caller.interrupt();
            }
            return new LimitedCallsRun(answers.get(), failure.get(), stuckAt, took, simulator.log().requests(),
                    logOrigin, new ArrayList<>(acquiredAt));
        } finally {
            outsideTheCheck(() -> {
                simulator.close();
                return null;
            });
        }
    }

    private static Client warmedUp(Client client) {
        client.models.generateContent(Gemini.MODEL, "What is 1 plus 1?", null);
        return client;
    }

    private static <T> T outsideTheCheck(Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        }).join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** The moment the simulator saw request {@code r} arrive, as {@code System.nanoTime()}. */
    long arrivalNanos(LoggedRequest r) {
        return logOrigin + Math.round(r.arrivalMs() * 1e6);
    }

    /** The 429 the server sent, if askAll failed on one. */
    Optional<String> quotaError() {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("429") || String.valueOf(t.getMessage()).contains("RESOURCE_EXHAUSTED")) {
                return Optional.of(t.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }
}
