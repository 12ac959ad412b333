package ai.asyncjava.kit.checks.ch01;

import static ai.asyncjava.kit.checks.ch01.SimulatedGemini.arithmeticPrompts;
import static ai.asyncjava.kit.checks.ModelAnswers.requireInPromptOrder;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.PacedScript;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import com.google.genai.Client;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 01's going-further exercise: a {@link PromptFanOut} made with a
 * cap, {@code (builder, maxInFlight) -> ...}, that never has more calls in flight than that and
 * keeps that many going while prompts wait.
 */
@HiddenChecks(secondsPerCheck = 3)
class CappedFanOutChecks {

    private static final int CAP = 4;

    private final SimulatedGemini gemini = new SimulatedGemini();

    @AfterEach
    void stopSimulator() {
        gemini.close();
    }

    @Test
    @Order(1)
    @DisplayName("never has more than 4 calls in flight")
    void neverAboveTheCap(BiFunction<Client.Builder, Integer, ? extends PromptFanOut> newFanOut) throws Exception {
        int count = 16;
        gemini.pacedBy(PacedScript.fixed(Duration.ofMillis(150)));

        gemini.ask(builder -> newFanOut.apply(builder, CAP), arithmeticPrompts(count)).answersOrRethrow();

        gemini.requireCallsArrived();
        int most = gemini.peakInFlight();
        if (most > CAP) {
            fail("Made with a cap of " + CAP + ", it had " + most + " of the " + count + " calls in flight at once. "
                    + "Take a permit before each call and give it back when the call ends.");
        }
    }

    @Test
    @Order(2)
    @DisplayName("keeps 4 calls in flight while prompts are waiting")
    void keepsTheCapBusy(BiFunction<Client.Builder, Integer, ? extends PromptFanOut> newFanOut) throws Exception {
        int count = 16;
        // Calls of 50, 150 and 250 ms: a free place must be taken when any call ends, not when all have.
        List<String> prompts = arithmeticPrompts(count);
        gemini.pacedBy(PacedScript.delays(prompt -> Duration.ofMillis(50 + 100L * (prompts.indexOf(prompt) % 3))));

        gemini.ask(builder -> newFanOut.apply(builder, CAP), prompts).answersOrRethrow();

        gemini.requireCallsArrived();
        double average = gemini.averageInFlightWhileSending();
        double least = 0.8 * CAP;
        if (average < least) {
            fail(String.format(Locale.ROOT, "While prompts were still waiting, only %.1f calls were in flight on "
                    + "average; with a cap of %d it should be about %d (at least %.1f passes). Start the next "
                    + "call as soon as any call ends, not once a whole group of %d has.", average, CAP, CAP, least,
                    CAP));
        }
    }

    @Test
    @Order(3)
    @DisplayName("returns each answer in the order of its prompt")
    void answersInPromptOrder(BiFunction<Client.Builder, Integer, ? extends PromptFanOut> newFanOut) throws Exception {
        List<String> prompts = arithmeticPrompts(8);
        gemini.pacedBy(PacedScript.delays(prompt -> Duration.ofMillis(60 + 40L * (7 - prompts.indexOf(prompt)))));

        List<String> answers = gemini.ask(builder -> newFanOut.apply(builder, CAP), prompts).answersOrRethrow();

        requireInPromptOrder(prompts, answers);
        gemini.requireCallsArrived();
    }
}
