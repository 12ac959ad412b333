package ai.asyncjava.kit.checks.ch07;

import static ai.asyncjava.kit.checks.Wording.count;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.Retrier;
import ai.asyncjava.kit.exercises.ch07.RetryPolicy;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import ai.asyncjava.kit.simulators.gemini.GeminiQuota;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 07's {@link Retrier}, against a Gemini simulator that answers at
 * once and fails the tries the check plants (500, 503, 429, 400, or its quota's 429 with a
 * RetryInfo delay). Every time is read from the simulator's log: when each try arrived and when
 * the failure it got was sent.
 */
@HiddenChecks(secondsPerCheck = 4)
class RetrierChecks {

    /** The policy most checks give: 4 tries, waits of up to 100, 200, 400 ms, 3 s in all. */
    static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofSeconds(3));

    private final GeminiSimulator simulator = CheckSimulators.gemini(GeminiSimulatorConfig.fast());
    private final Client client = CheckSimulators.clientWithoutRetries(simulator);

    @AfterEach
    void closeEverything() {
        CheckSimulators.close(client);
        CheckSimulators.close(simulator);
    }

    @Test
    @Order(1)
    @DisplayName("tries again after a 500, a 503 and a 429, and returns the answer")
    void retriesWhatMayPass(Function<RetryPolicy, ? extends Retrier> newRetrier) throws Exception {
        String prompt = "What is two times 21?";
        simulator.failPrompt(prompt, Fault.INTERNAL_ERROR, Fault.UNAVAILABLE, Fault.RESOURCE_EXHAUSTED);

        BoundedRun.Outcome<String> run = callOnce(newRetrier, POLICY, prompt, Duration.ofSeconds(3));

        List<LoggedRequest> tries = tries(0);
        if (run.failure() != null) {
            fail("After " + count(tries.size(), "attempt") + " (" + statuses(tries) + ") call(...) threw "
                    + Wording.exception(run.failure()) + "; the 4th try would have succeeded. 500, 503 and 429 are "
                    + "failures that may pass: retry them, up to maxAttempts.");
        }
        if (!GeminiAnswers.answerTo(prompt).equals(run.result())) {
            fail("call(...) returned " + Wording.quoted(String.valueOf(run.result())) + "; return what the attempt "
                    + "that succeeded returned.");
        }
        if (tries.size() != 4) {
            fail("The simulator saw " + count(tries.size(), "attempt") + " of the prompt; 3 failures and 1 "
                    + "success make 4.");
        }
    }

    @Test
    @Order(2)
    @DisplayName("never tries a 400 again, and throws it as it came")
    void neverRetriesABadRequest(Function<RetryPolicy, ? extends Retrier> newRetrier) throws Exception {
        String prompt = "What is two times 22?";
        simulator.failPromptAlways(prompt, Fault.INVALID_ARGUMENT);

        BoundedRun.Outcome<String> run = callOnce(newRetrier, POLICY, prompt, Duration.ofSeconds(3));

        List<LoggedRequest> tries = tries(0);
        if (tries.size() > 1) {
            fail("A request answered 400 INVALID_ARGUMENT was sent " + count(tries.size(), "time") + ". A 400 says the "
                    + "request itself is wrong: asking again gets the same answer. Retry only 408, 429 and 5xx, and "
                    + "broken connections.");
        }
        requireApiError(run, 400, "the 400");
    }

    @Test
    @Order(3)
    @DisplayName("gives up after maxAttempts tries, throwing the last failure")
    void givesUpAfterMaxAttempts(Function<RetryPolicy, ? extends Retrier> newRetrier) throws Exception {
        String prompt = "What is two times 23?";
        simulator.failPromptAlways(prompt, Fault.UNAVAILABLE);

        BoundedRun.Outcome<String> run = callOnce(newRetrier, POLICY, prompt, Duration.ofSeconds(3));

        List<LoggedRequest> tries = tries(0);
        if (tries.size() != POLICY.maxAttempts()) {
            fail("A request that always fails with 503 was sent " + count(tries.size(), "time") + "; with maxAttempts "
                    + POLICY.maxAttempts() + " it is sent " + POLICY.maxAttempts() + " times, the first included, then "
                    + "given up.");
        }
        requireApiError(run, 503, "the last 503");
    }

    @Test
    @Order(4)
    @DisplayName("waits a random time up to base × 2^(n-1) before retry n: clients that failed together spread out")
    void backsOffWithFullJitter(Function<RetryPolicy, ? extends Retrier> newRetrier) throws Exception {
        int clients = JITTER_CLIENTS;
        List<String> prompts = IntStream.range(0, clients).mapToObj(i -> "What is two times " + (100 + i) + "?").toList();
        for (String prompt : prompts) {
            simulator.failPrompt(prompt, Fault.UNAVAILABLE, Fault.UNAVAILABLE, Fault.UNAVAILABLE);
        }
        RetryPolicy policy = JITTER_POLICY;

        callAtOnce(newRetrier, policy, prompts);

        // waits.get(n - 1): each client's wait before retry n, from the failure's answer to the next try's arrival
        List<List<Double>> waits = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (List<LoggedRequest> tries : tryGroups()) {
            if (tries.size() != 4) {
                fail("One of " + clients + " clients whose request fails 3 times with 503 sent it "
                        + count(tries.size(), "time") + " (" + statuses(tries) + "); 4 tries bring the answer.");
            }
            for (int n = 1; n <= 3; n++) {
                waits.get(n - 1).add(tries.get(n).arrivalMs() - tries.get(n - 1).endMs());
            }
        }
        double late = Tolerances.Ch07.RETRY_LATE.millis();
        for (int n = 1; n <= 3; n++) {
            double ceiling = policy.ceiling(n).toMillis();
            double longest = waits.get(n - 1).stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (longest > ceiling + late) {
                fail(String.format(Locale.ROOT, "A client waited %.0f ms before retry %d; with base delay %d ms the "
                        + "wait before retry %d is at most %.0f ms (base × 2^%d, capped at %d ms).", longest, n,
                        policy.baseDelay().toMillis(), n, ceiling, n - 1, policy.maxDelay().toMillis()));
            }
        }
        List<Double> first = waits.getFirst();
        double spread = first.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                - first.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double ceiling = policy.ceiling(1).toMillis();
        if (spread < ceiling * Tolerances.Ch07.JITTER_SPREAD) {
            fail(String.format(Locale.ROOT, "%d clients failed at the same moment and came back within %.0f ms of "
                    + "each other: together again, as a thundering herd. Wait a random time, anywhere from zero to "
                    + "the ceiling (%.0f ms before the first retry): ThreadLocalRandom.current().nextLong(ceiling + 1).",
                    clients, spread, ceiling));
        }
        double firstMean = mean(first);
        double thirdMean = mean(waits.get(2));
        if (thirdMean < firstMean * Tolerances.Ch07.BACKOFF_GROWTH) {
            fail(String.format(Locale.ROOT, "The waits did not grow: %.0f ms on average before the first retry, "
                    + "%.0f ms before the third. The ceiling doubles with each retry (%d, %d, %d ms), and the waits, "
                    + "random under it, with it.", firstMean, thirdMean, policy.ceiling(1).toMillis(),
                    policy.ceiling(2).toMillis(), policy.ceiling(3).toMillis()));
        }
    }

    @Test
    @Order(5)
    @DisplayName("after a 429 with a RetryInfo delay, waits at least that long")
    void honoursRetryInfo(Function<RetryPolicy, ? extends Retrier> newRetrier) throws Exception {
        Duration window = Duration.ofMillis(900);
        simulator.reconfigure(c -> c.withQuota(GeminiQuota.perWindow(1, window)));
        String prompt = "What is two times 24?";
        // The first call uses up the window; the second is refused with 429 "Please retry in 0.9s".
        client.models.generateContent(Gemini.MODEL, "What is two times 25?", null);

        BoundedRun.Outcome<String> run = callOnce(newRetrier, POLICY, prompt, Duration.ofSeconds(3));

        List<LoggedRequest> tries = tries(1);
        if (tries.isEmpty() || tries.getFirst().status() != 429) {
            fail("The check's quota should have refused the first try with 429; the simulator saw " + statuses(tries)
                    + ".");
        }
        for (int i = 0; i + 1 < tries.size(); i++) {
            LoggedRequest refused = tries.get(i);
            if (refused.status() != 429 || Double.isNaN(refused.retryAfterMs())) {
                continue;
            }
            double waited = tries.get(i + 1).arrivalMs() - refused.endMs();
            double asked = refused.retryAfterMs();
            if (waited < asked - Tolerances.Ch07.RETRY_EARLY.millis()) {
                fail(String.format(Locale.ROOT, "A 429 said \"Please retry in %.3fs\" (its RetryInfo), and the next "
                        + "try came %.0f ms later, into the same full window. Read the delay from the exception's "
                        + "message and wait at least that long.", asked / 1000, waited));
            }
        }
        if (run.failure() != null) {
            fail("call(...) threw " + Wording.exception(run.failure()) + " after " + statuses(tries) + "; one try after "
                    + "the RetryInfo delay would have succeeded.");
        }
    }

    @Test
    @Order(6)
    @DisplayName("starts no try and no wait beyond its time budget")
    void staysWithinItsBudget(Function<RetryPolicy, ? extends Retrier> newRetrier) throws Exception {
        String prompt = "What is two times 26?";
        simulator.failPromptAlways(prompt, Fault.UNAVAILABLE);
        RetryPolicy policy = new RetryPolicy(20, Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));

        long started = System.nanoTime();
        BoundedRun.Outcome<String> run = callOnce(newRetrier, policy, prompt, Duration.ofSeconds(3));
        double tookMs = (System.nanoTime() - started) / 1e6;

        List<LoggedRequest> tries = tries(0);
        double budget = policy.budget().toMillis();
        double late = Tolerances.Ch07.RETRY_LATE.millis();
        LoggedRequest last = tries.getLast();
        if (last.arrivalMs() - tries.getFirst().arrivalMs() > budget + late || tookMs > budget + 2 * late) {
            fail(String.format(Locale.ROOT, "With a budget of %.0f ms and up to %d tries, a request that always "
                    + "fails was tried %d times over %.0f ms, and call(...) returned after %.0f ms. Note when the "
                    + "first try started; give up (throw the last failure) when a wait would end after the budget.",
                    budget, policy.maxAttempts(), tries.size(), last.arrivalMs() - tries.getFirst().arrivalMs(),
                    tookMs));
        }
        requireApiError(run, 503, "the last 503");
    }

    @Test
    @Order(7)
    @DisplayName("stops at once when interrupted while it waits")
    void stopsWhenInterrupted(Function<RetryPolicy, ? extends Retrier> newRetrier) throws Exception {
        String prompt = "What is two times 27?";
        simulator.failPromptAlways(prompt, Fault.UNAVAILABLE);
        RetryPolicy slow = new RetryPolicy(5, Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(30));
        Retrier retrier = make(newRetrier, slow);
        Duration patience = Duration.ofMillis(200);
        BoundedRun.Outcome<String> run = BoundedRun.call("call(...)",
                patience.plus(Tolerances.STOP_AFTER_INTERRUPT.atFactorOne()),
                () -> retrier.call(ask(prompt)),
                caller -> {
                    Thread.sleep(patience.toMillis());
                    caller.interrupt();
                });
        if (!run.returned()) {
            fail("Interrupted while it waited to retry, call(...) did not return within "
                    + Wording.duration(Tolerances.STOP_AFTER_INTERRUPT.get()) + ". Still waiting: " + run.stuck()
                    + ". Wait with Thread.sleep (or another wait that an interrupt ends) and let the "
                    + "InterruptedException out.");
        }
        if (!(run.failure() instanceof InterruptedException)) {
            fail("Interrupted while it waited to retry, call(...) " + (run.failure() == null ? "returned"
                    : "threw " + Wording.exception(run.failure())) + "; let the InterruptedException out, so the "
                    + "caller knows it stopped.");
        }
    }

    static final int JITTER_CLIENTS = 30;
    /** 4 tries, ceilings of 200, 400 and 800 ms: wide enough to tell jitter from a machine's noise. */
    static final RetryPolicy JITTER_POLICY = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofMillis(800),
            Duration.ofSeconds(5));

    private Retrier make(Function<RetryPolicy, ? extends Retrier> newRetrier, RetryPolicy policy) {
        Retrier retrier = newRetrier.apply(policy);
        if (retrier == null) {
            fail("Your factory returned null instead of a Retrier; pass a constructor such as BackoffRetrier::new.");
        }
        return retrier;
    }

    private Callable<String> ask(String prompt) {
        return () -> client.models.generateContent(Gemini.MODEL, prompt, null).text();
    }

    private BoundedRun.Outcome<String> callOnce(Function<RetryPolicy, ? extends Retrier> newRetrier, RetryPolicy policy,
                                                String prompt, Duration limit) throws InterruptedException {
        Retrier retrier = make(newRetrier, policy);
        return BoundedRun.call("call(...)", limit, () -> retrier.call(ask(prompt))).requireReturned();
    }

    /** One retrier per client, all calling at the same moment, each on a thread of the check's. */
    private void callAtOnce(Function<RetryPolicy, ? extends Retrier> newRetrier, RetryPolicy policy, List<String> prompts)
            throws Exception {
        BoundedRun.call("call(...) by " + prompts.size() + " clients", Duration.ofSeconds(4), () -> {
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String>> answers = new ArrayList<>();
                for (String prompt : prompts) {
                    Retrier retrier = make(newRetrier, policy);
                    answers.add(clients.submit(() -> retrier.call(ask(prompt))));
                }
                for (Future<String> answer : answers) {
                    answer.get();
                }
            }
            return null;
        }).resultOrRethrow();
    }

    /**
     * Every request this check's simulator saw, in arrival order, but the first {@code skipping}: a
     * check asks one prompt, so these are its tries (the simulator links a retry to its first try
     * only after a failure worth retrying, so a retried 400 would look like a new request).
     */
    private List<LoggedRequest> tries(int skipping) {
        return simulator.log().requests().stream().sorted(Comparator.comparingDouble(LoggedRequest::arrivalMs))
                .skip(skipping).toList();
    }

    /** Every request's tries, requests in the order they started, each one's tries in arrival order. */
    private List<List<LoggedRequest>> tryGroups() {
        Map<Integer, List<LoggedRequest>> byRequest = simulator.log().requests().stream()
                .collect(Collectors.groupingBy(LoggedRequest::request, java.util.TreeMap::new, Collectors.toList()));
        return byRequest.values().stream().map(tries -> tries.stream()
                .sorted(Comparator.comparingDouble(LoggedRequest::arrivalMs)).toList()).toList();
    }

    private static void requireApiError(BoundedRun.Outcome<String> run, int code, String which) {
        if (run.failure() == null) {
            fail("call(...) returned " + Wording.quoted(String.valueOf(run.result())) + " though every try failed; throw "
                    + which + ".");
        }
        if (!(run.failure() instanceof ApiException api) || api.code() != code) {
            fail("call(...) threw " + Wording.exception(run.failure()) + "; throw " + which + " itself (the SDK's "
                    + "ApiException with code " + code + "), so the caller can read it.");
        }
    }

    private static String statuses(List<LoggedRequest> tries) {
        return tries.isEmpty() ? "no try" : tries.stream().map(r -> String.valueOf(r.status()))
                .collect(Collectors.joining(", "));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
