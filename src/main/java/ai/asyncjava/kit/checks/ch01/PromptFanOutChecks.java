package ai.asyncjava.kit.checks.ch01;

import static ai.asyncjava.kit.checks.ch01.SimulatedGemini.arithmeticPrompts;
import static ai.asyncjava.kit.checks.ModelAnswers.requireInPromptOrder;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.PacedScript;
import ai.asyncjava.kit.checks.Tolerances.Ch01;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import ai.asyncjava.kit.simulators.gemini.GeminiQuota;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The hidden checks of chapter 01's {@link PromptFanOut}, against a Gemini simulator of their own. */
@HiddenChecks(secondsPerCheck = 3)
class PromptFanOutChecks {

    /** The SDK's default for async calls: OkHttp runs at most this many requests per host at once. */
    private static final int OKHTTP_DEFAULT_PER_HOST = 5;

    private final SimulatedGemini gemini = new SimulatedGemini();

    @AfterEach
    void stopSimulator() {
        gemini.close();
    }

    @Test
    @Order(1)
    @DisplayName("returns each answer in the order of its prompt")
    void answersInPromptOrder(Function<Client.Builder, ? extends PromptFanOut> newFanOut) throws Exception {
        List<String> prompts = arithmeticPrompts(8);
        // Later prompts are answered sooner, so answers collected as they come back are reversed.
        gemini.pacedBy(PacedScript.delays(prompt -> Duration.ofMillis(60 + 50L * (7 - prompts.indexOf(prompt)))));

        List<String> answers = gemini.ask(newFanOut, prompts).answersOrRethrow();

        requireInPromptOrder(prompts, answers);
        gemini.requireCallsArrived();
    }

    @Test
    @Order(2)
    @DisplayName("has all 20 calls in flight at the same time")
    void allCallsInFlightAtOnce(Function<Client.Builder, ? extends PromptFanOut> newFanOut) throws Exception {
        int count = 20;
        // Calls that arrive after the first answer are answered at once: a sequential or capped
        // implementation is found out just as surely, without waiting 20 answers long.
        gemini.pacedBy(PacedScript.hurryingAfterFirstAnswer(Duration.ofMillis(600)));

        gemini.ask(newFanOut, arithmeticPrompts(count)).answersOrRethrow();

        gemini.requireCallsArrived();
        int most = gemini.peakInFlight();
        if (most == 1) {
            fail("The " + count + " calls ran one after another: the simulator never had more than 1 in flight. "
                    + "Start every call before you wait for any answer.");
        }
        if (most == OKHTTP_DEFAULT_PER_HOST) {
            fail("At most 5 of the " + count + " calls were in flight at once, the SDK's default for client.async: "
                    + "its HTTP client (OkHttp) runs 5 requests per host and queues the rest. Build the client with "
                    + ".clientOptions(ClientOptions.builder().maxConnections(64).maxConnectionsPerHost(64).build()), "
                    + "or call the sync client from virtual threads.");
        }
        if (most < count) {
            fail("At most " + most + " of the " + count + " calls were in flight at once; all " + count
                    + " should be. A pool of " + most + " threads? Give every call its own virtual thread.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("takes about as long as one call, not as long as all of them")
    void takesAboutOneCall(Function<Client.Builder, ? extends PromptFanOut> newFanOut) throws Exception {
        int count = 5;
        long callMillis = 400;
        gemini.pacedBy(PacedScript.fixed(Duration.ofMillis(callMillis)));

        gemini.ask(newFanOut, arithmeticPrompts(count)).answersOrRethrow();

        gemini.requireCallsArrived();
        double span = gemini.spanMillis();
        // One call and its allowance: room for a busy machine, but no room for a second round of calls.
        long allowed = callMillis + Ch01.OVER_ONE_CALL.millis();
        if (span >= allowed) {
            fail(String.format(Locale.ROOT, "The %d calls of %d ms each took %.0f ms on the simulator, from the "
                    + "first arrival to the last answer: about %.1f calls' worth. Sent together they take about "
                    + "one call's time; under %d ms passes.", count, callMillis, span, span / callMillis,
                    allowed));
        }
    }

    @Test
    @Order(4)
    @DisplayName("throws the API's error, with its code, when a call fails")
    void failureReachesTheCaller(Function<Client.Builder, ? extends PromptFanOut> newFanOut) {
        int count = 6;
        int allowed = 3;
        // The simulator's quota admits the first 3 calls and refuses the others with 429.
        gemini.pacedBy(PacedScript.fixed(Duration.ofMillis(150)))
                .limitedTo(GeminiQuota.perWindow(allowed, Duration.ofMinutes(1)));

        SimulatedGemini.Outcome outcome = gemini.ask(newFanOut, arithmeticPrompts(count));

        gemini.requireCallsArrived();
        long refused = gemini.countStatus(429);
        String whatHappened = refused + " of the " + count + " calls were refused with 429 RESOURCE_EXHAUSTED "
                + "(the simulator's quota allowed " + allowed + ")";
        if (outcome.thrown() == null) {
            fail(whatHappened + ", yet askAll returned " + outcome.answers() + ". Let the failure reach the caller: "
                    + "throw the SDK's exception, or one caused by it, instead of returning a partial list.");
        }
        ApiException apiError = apiExceptionIn(outcome.thrown());
        if (apiError == null) {
            fail(whatHappened + ", and askAll threw " + Wording.exception(outcome.thrown())
                    + ", which does not carry the SDK's ApiException. Rethrow it, "
                    + "or make it the cause of yours, so the caller can read its code (429) and decide what to do.");
        }
        if (apiError.code() != 429) {
            fail(whatHappened + ", but the ApiException askAll threw has code " + apiError.code() + ".");
        }
    }

    @Test
    @Order(5)
    @DisplayName("returns an empty list for no prompts")
    void noPrompts(Function<Client.Builder, ? extends PromptFanOut> newFanOut) throws Exception {
        List<String> answers = gemini.ask(newFanOut, List.of()).answersOrRethrow();

        if (answers == null || !answers.isEmpty()) {
            fail("For no prompts askAll returned " + answers + "; it should return an empty list.");
        }
    }

    @Test
    @Order(6)
    @DisplayName("builds one client, uses it for every call, and close() closes it")
    void closesTheClientItBuilt(Function<Client.Builder, ? extends PromptFanOut> newFanOut) throws Exception {
        int calls = 2;
        gemini.pacedBy(PacedScript.fixed(Duration.ofMillis(20)));

        SimulatedGemini.Lifetime lifetime = gemini.askThenClose(newFanOut, arithmeticPrompts(3), calls);

        for (SimulatedGemini.Outcome outcome : lifetime.calls()) {
            outcome.answersOrRethrow();
        }
        gemini.requireCallsArrived();
        if (lifetime.closeFailure() != null) {
            fail("close() threw " + Wording.exception(lifetime.closeFailure()) + "; it should close the client "
                    + "your fan-out built (client.close()) and nothing more.");
        }
        if (lifetime.clientsBuilt() > 1) {
            fail("Asked " + calls + " times, your fan-out built " + lifetime.clientsBuilt() + " clients from its "
                    + "builder. Build one client in the constructor and use it for every call: each new client "
                    + "opens new connections, and keeps them and its HTTP threads until it is closed.");
        }
        if (lifetime.clientsStillOpen() > 0) {
            fail("After close(), the client your fan-out built still sent a request: close() left it open. "
                    + "Call client.close() in close(); it closes the client's pooled connections and stops its "
                    + "HTTP threads, which otherwise linger for minutes.");
        }
    }

    /** The SDK's exception in {@code thrown}'s chain of causes, or null. */
    static ApiException apiExceptionIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException apiException) {
                return apiException;
            }
        }
        return null;
    }
}
