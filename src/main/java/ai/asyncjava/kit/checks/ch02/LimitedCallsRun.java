package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * One run of the learner's {@link RateLimitedFanOut} with the learner's limiter, against a
 * Gemini simulator with a quota and a client that does not retry: what the checks of step 3
 * judge. The run is made once per check run and shared by its checks (it takes seconds); see
 * {@link RateLimitedFanOutChecks}.
 *
 * @param askAll      what the call of askAll did: its answers, what it threw, how long it took,
 *                    where it waited when it did not return in time
 * @param requests    what the simulator saw
 * @param logOrigin   the {@code System.nanoTime()} at which the simulator's log times start
 * @param acquiredAt  when each call of the limiter's acquire() returned, in order
 */
record LimitedCallsRun(BoundedRun.Outcome<List<String>> askAll, List<LoggedRequest> requests, long logOrigin,
                       List<Long> acquiredAt) {

    /** The simulator's quota: the free tier's 10 a minute, scaled down to keep the check quick. */
    static final int QUOTA = 5;
    static final Duration WINDOW = Duration.ofMillis(500);
    /** How much longer than the quota's window the limiter's interval is; see {@link #limiterInterval()}. */
    static final Duration MARGIN = Duration.ofMillis(150);
    static final Duration LATENCY_MIN = Duration.ofMillis(100);
    static final Duration LATENCY_MAX = Duration.ofMillis(300);
    static final List<String> PROMPTS = IntStream.rangeClosed(1, 3 * QUOTA)
            .mapToObj(i -> "What is " + (i + 1) + " times " + (17 - i) + "?").toList();

    /** How long askAll may run: more than twice its best time (1.6 s). */
    private static final Duration GIVE_UP = Duration.ofMillis(4_500);

    /**
     * The limiter's interval: the quota's window and a margin. The limiter sees a request when
     * acquire() returns, the server when the request arrives a few milliseconds later; those
     * few milliseconds vary, so a limiter that spaces requests exactly one window apart can have
     * two arrive a hair less than a window apart, which the server counts as one too many.
     */
    static Duration limiterInterval() {
        return WINDOW.plus(MARGIN);
    }

    /** Runs the learner's fan-out with the learner's limiter, once. */
    static LimitedCallsRun of(Chapter02.LimitedCalls setup) throws Exception {
        RateLimiter learnerLimiter = setup.limiters().create(QUOTA, limiterInterval());
        if (learnerLimiter == null) {
            fail("Your limiter factory returned null; it must return a new limiter.");
        }
        RateLimitedFanOut fanOut = setup.fanOuts().get();
        if (fanOut == null) {
            fail("Your fan-out factory returned null; it must return a new object.");
        }
        ConcurrentLinkedQueue<Long> acquiredAt = new ConcurrentLinkedQueue<>();
        RateLimiter counting = () -> {
            learnerLimiter.acquire();
            acquiredAt.add(System.nanoTime());
        };
        GeminiSimulatorConfig config = GeminiSimulatorConfig.fast()
                .withLatencies(GeminiLatencies.none().withGenerate(LatencyModel.uniform(LATENCY_MIN, LATENCY_MAX)))
                .withQuota(GeminiQuota.perWindow(QUOTA, WINDOW));
        GeminiSimulator simulator = CheckSimulators.gemini(config);
        Client client = CheckSimulators.clientWithoutRetries(simulator);
        try {
            CheckSimulators.outsideTheCheck(() -> burst(client));
            long before = System.nanoTime();
            simulator.reset();
            long logOrigin = (before + System.nanoTime()) / 2;
            BoundedRun.Outcome<List<String>> askAll = BoundedRun.call("askAll(client, limiter, prompts)", GIVE_UP,
                    () -> fanOut.askAll(client, counting, PROMPTS));
            return new LimitedCallsRun(askAll, simulator.log().requests(), logOrigin, new ArrayList<>(acquiredAt));
        } finally {
            CheckSimulators.close(client);
            CheckSimulators.close(simulator);
        }
    }

    /**
     * Sends a whole quota's worth of calls at once, before the learner's code runs: the client
     * opens its connections now. On a cold JVM the first burst's calls set up connections of
     * their own and some arrive late, so closer than a window to the next burst; that would
     * turn a correct limiter's requests into a 429.
     */
    private static Void burst(Client client) throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < QUOTA; i++) {
                int n = i;
                calls.add(threads.submit(() -> client.models.generateContent(Gemini.MODEL, "What is 1 plus " + n + "?", null)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        return null;
    }

    /** The moment the simulator saw request {@code r} arrive, as {@code System.nanoTime()}. */
    long arrivalNanos(LoggedRequest r) {
        return logOrigin + Math.round(r.arrivalMs() * 1e6);
    }

    /** The 429 the server sent, if askAll failed on one. */
    Optional<String> quotaError() {
        for (Throwable t = askAll.failure(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("429") || String.valueOf(t.getMessage()).contains("RESOURCE_EXHAUSTED")) {
                return Optional.of(t.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }
}
