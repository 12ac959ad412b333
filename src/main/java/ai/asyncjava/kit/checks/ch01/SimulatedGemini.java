package ai.asyncjava.kit.checks.ch01;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.ModelAnswers;
import ai.asyncjava.kit.checks.PacedScript;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiClients;
import ai.asyncjava.kit.simulators.gemini.GeminiQuota;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import com.google.genai.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The Gemini simulator behind one check, and the steps every check takes with it. A check
 * instance makes one when JUnit constructs it, outside the check's time limit and thread
 * group ({@link CheckSimulators}), so the server's own threads are never mistaken for the
 * learner's; the check closes it afterwards. Its delays come from a
 * {@link PacedScript}, and everything the checks measure is read from its request log: when
 * each call arrived and was answered, on the server's clock.
 */
final class SimulatedGemini implements AutoCloseable {

    /** What one call of {@code askAll} did: the answers, or what it threw. */
    record Outcome(List<String> answers, Exception thrown) {

        /** The answers; rethrows what {@code askAll} threw, so the report names it. */
        List<String> answersOrRethrow() throws Exception {
            if (thrown != null) {
                throw thrown;
            }
            return answers;
        }
    }

    /** How long a call that tries a client after close() may take to reach this simulator. */
    private static final Duration PROBE_WAIT = Duration.ofSeconds(1);

    /** Started outside the check, with the SDK warmed up (see {@link CheckSimulators}). */
    private final GeminiSimulator simulator =
            CheckSimulators.gemini(GeminiSimulatorConfig.fast().withScript(PacedScript.fixed(Duration.ZERO)));

    /** Answers with {@code script}'s delays from now on. */
    SimulatedGemini pacedBy(PacedScript script) {
        simulator.reconfigure(config -> config.withScript(script));
        return this;
    }

    /** Turns away calls beyond {@code quota} with 429 RESOURCE_EXHAUSTED. */
    SimulatedGemini limitedTo(GeminiQuota quota) {
        simulator.reconfigure(config -> config.withQuota(quota));
        return this;
    }

    /**
     * What one fan-out's whole life showed: each call of {@code askAll}, what {@code close()}
     * threw (or null), how many clients it built from its builder, and how many of them still
     * sent a request after {@code close()}.
     */
    record Lifetime(List<Outcome> calls, RuntimeException closeFailure, int clientsBuilt, int clientsStillOpen) {}

    /**
     * Makes the learner's fan-out with a fresh builder (pointed here, the SDK's retries off, its
     * default client options), asks it {@code prompts}, closes it (try-with-resources, as a
     * caller would), then closes whatever clients it built and left open.
     */
    Outcome ask(Function<Client.Builder, ? extends PromptFanOut> newFanOut, List<String> prompts) {
        ClosingClientBuilder builder = newBuilder();
        try (PromptFanOut fanOut = make(newFanOut, builder)) {
            return askOnce(fanOut, prompts);
        } finally {
            builder.closeClients();
        }
    }

    /**
     * Makes the learner's fan-out, asks it {@code prompts} {@code calls} times, closes it, and
     * then tries each client it built: a closed client refuses to send.
     */
    Lifetime askThenClose(Function<Client.Builder, ? extends PromptFanOut> newFanOut, List<String> prompts,
                          int calls) {
        ClosingClientBuilder builder = newBuilder();
        try {
            PromptFanOut fanOut = make(newFanOut, builder);
            List<Outcome> outcomes = new ArrayList<>();
            RuntimeException closeFailure = null;
            try {
                for (int i = 0; i < calls; i++) {
                    outcomes.add(askOnce(fanOut, prompts));
                }
            } finally {
                try {
                    fanOut.close();
                } catch (RuntimeException thrown) {
                    closeFailure = thrown;
                }
            }
            List<Client> built = builder.built();
            int stillOpen = 0;
            for (Client client : built) {
                if (stillSends(client)) {
                    stillOpen++;
                }
            }
            return new Lifetime(outcomes, closeFailure, built.size(), stillOpen);
        } finally {
            builder.closeClients();
        }
    }

    private ClosingClientBuilder newBuilder() {
        return GeminiClients.pointAtSimulator(new ClosingClientBuilder(), simulator.baseUrl(), simulator.apiKey(),
                GeminiClients.noRetries());
    }

    private static PromptFanOut make(Function<Client.Builder, ? extends PromptFanOut> newFanOut,
                                     ClosingClientBuilder builder) {
        PromptFanOut fanOut = newFanOut.apply(builder);
        if (fanOut == null) {
            fail("Your factory returned null instead of a PromptFanOut; pass a constructor such as "
                    + "VirtualThreadsFanOut::new.");
        }
        return fanOut;
    }

    private static Outcome askOnce(PromptFanOut fanOut, List<String> prompts) {
        try {
            return new Outcome(fanOut.askAll(prompts), null);
        } catch (Exception thrown) {
            return new Outcome(null, thrown);
        }
    }

    /**
     * Whether {@code client} still sends requests: one async call, judged by this simulator's log.
     * A closed client's HTTP dispatcher is shut down, so it fails the call at once without sending.
     */
    private boolean stillSends(Client client) {
        int before = requests().size();
        try {
            client.async.models.generateContent(Gemini.MODEL, "What is two times 0?", null)
                    .get(Tolerances.scaled(PROBE_WAIT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException refusedOrSlow) {
            // refused by a closed client, or not answered yet: the log says whether it was sent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return requests().size() > before;
    }

    /** Fails when no call reached this simulator: the learner's client is pointed elsewhere. */
    void requireCallsArrived() {
        if (requests().isEmpty()) {
            fail("No call reached the checks' simulator: askAll never called the model, or called it with a "
                    + "client of its own. Build the client from the builder passed to your constructor "
                    + "(builder.build()), not with Gemini.client() or Client.builder().");
        }
    }

    /** {@code count} arithmetic prompts whose answers the checks know: "What is two times 1?", ... */
    static List<String> arithmeticPrompts(int count) {
        return ModelAnswers.arithmeticPrompts(count);
    }

    List<LoggedRequest> requests() {
        return simulator.log().requests();
    }

    int peakInFlight() {
        return simulator.log().peakInFlight();
    }

    long countStatus(int status) {
        return simulator.log().countStatus(status);
    }

    /** From the first arrival to the last answer, in ms, on the server's clock. */
    double spanMillis() {
        List<LoggedRequest> requests = requests();
        double first = requests.stream().mapToDouble(LoggedRequest::arrivalMs).min().orElse(0);
        double last = requests.stream().mapToDouble(LoggedRequest::endMs).max().orElse(0);
        return last - first;
    }

    /**
     * How many calls were in flight on average, weighted by time, from the first arrival to the
     * last: while prompts were still waiting to be sent.
     */
    double averageInFlightWhileSending() {
        List<LoggedRequest> requests = requests();
        double from = requests.stream().mapToDouble(LoggedRequest::arrivalMs).min().orElse(0);
        double to = requests.stream().mapToDouble(LoggedRequest::arrivalMs).max().orElse(0);
        if (to - from < 1) {
            return peakInFlight(); // everything arrived at once
        }
        double callMillis = 0;
        for (LoggedRequest request : requests) {
            double end = request.inFlight() ? to : Math.min(request.endMs(), to);
            callMillis += Math.max(0, end - request.arrivalMs());
        }
        return callMillis / (to - from);
    }

    @Override
    public void close() {
        CheckSimulators.close(simulator);
    }
}
