package ai.asyncjava.kit.checks.ch07;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch07.HedgedCall;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
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
 * The hidden checks of chapter 07's {@link HedgedCall}, against a Gemini simulator that answers in
 * 100 ms and watches its connections; the hedging delay is 300 ms. In the slow case the prompt's
 * first try hangs (until its client goes) and any later try is answered in 100 ms.
 */
@HiddenChecks(secondsPerCheck = 4)
class HedgedCallChecks {

    static final Duration LATENCY = Duration.ofMillis(100);
    static final Duration HEDGE_AFTER = Duration.ofMillis(300);

    private final GeminiSimulator simulator = CheckSimulators.gemini(GeminiSimulatorConfig.fast()
            .withWatchForDisconnects(true)
            .withLatencies(GeminiLatencies.none().withGenerate(LatencyModel.fixed(LATENCY)))
            .withFaults(FaultSettings.none().withHangFor(Duration.ofSeconds(10))));
    private final Client client = CheckSimulators.clientWithoutRetries(simulator);

    @AfterEach
    void closeEverything() {
        CheckSimulators.close(client);
        CheckSimulators.close(simulator);
    }

    @Test
    @Order(1)
    @DisplayName("sends a call that answers within the delay once, and returns its answer")
    void oneCopyWhenFast(BiFunction<Client, Duration, ? extends HedgedCall> newCall) throws Exception {
        String prompt = "What is two times 41?";
        String answer = ask(newCall, prompt).resultOrRethrow();
        List<LoggedRequest> copies = simulator.log().requests();
        if (copies.size() != 1) {
            fail("A call answered in " + Wording.duration(LATENCY) + " was sent " + Wording.count(copies.size(), "time")
                    + ", with a hedging delay of " + Wording.duration(HEDGE_AFTER) + ". Hedge only a call that is slow: "
                    + "a second copy of every call doubles the load for nothing.");
        }
        if (!GeminiAnswers.answerTo(prompt).equals(answer)) {
            fail("ask(...) returned " + Wording.quoted(String.valueOf(answer)) + "; return the model's answer.");
        }
    }

    @Test
    @Order(2)
    @DisplayName("sends a second copy when the first is slower than the delay, and returns the first answer")
    void hedgesASlowCall(BiFunction<Client, Duration, ? extends HedgedCall> newCall) throws Exception {
        String prompt = "What is two times 42?";
        simulator.failPrompt(prompt, Fault.HANG);

        String answer = ask(newCall, prompt).resultOrRethrow();

        List<LoggedRequest> copies = simulator.log().requests();
        if (copies.size() != 2) {
            fail("The first copy hung; the simulator saw " + count(copies.size(), "copy", "copies") + ". Send exactly "
                    + "one more once the hedging delay has passed without an answer.");
        }
        double gap = copies.get(1).arrivalMs() - copies.get(0).arrivalMs();
        double delay = HEDGE_AFTER.toMillis();
        if (gap < delay - Tolerances.Ch07.HEDGE_EARLY.atFactorOne().toMillis() || gap > delay + Tolerances.Ch07.HEDGE_LATE.millis()) {
            fail(String.format(Locale.ROOT, "The second copy came %.0f ms after the first; the hedging delay is %.0f ms. "
                    + "Wait for the first answer that long (a CompletionService's poll(delay), or future.get(delay)), "
                    + "and send the second copy only then.", gap, delay));
        }
        if (!GeminiAnswers.answerTo(prompt).equals(answer)) {
            fail("ask(...) returned " + Wording.quoted(String.valueOf(answer)) + "; return the answer that came first.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("stops the copy that lost: the server sees its connection close")
    void stopsTheLoser(BiFunction<Client, Duration, ? extends HedgedCall> newCall) throws Exception {
        String prompt = "What is two times 43?";
        simulator.failPrompt(prompt, Fault.HANG);

        ask(newCall, prompt).resultOrRethrow();

        List<LoggedRequest> copies = simulator.log().requests();
        if (copies.size() < 2) {
            fail("The first copy hung and no second copy was sent, so no copy lost.");
        }
        LoggedRequest winner = copies.get(1);
        LoggedRequest loser = simulator.log().awaitEnd(copies.get(0).id(), Tolerances.Ch07.LOSER_CLOSED.get())
                .orElse(copies.get(0));
        if (!loser.abandoned()) {
            fail("The copy that lost was still running on the server " + Wording.duration(Tolerances.Ch07.LOSER_CLOSED.get())
                    + " after the other had answered: it costs the server (and your quota) for nothing. Cancel it: "
                    + "future.cancel(true) on a virtual thread interrupts its socket read, which closes the connection. "
                    + "(On a platform thread the interrupt does not reach the socket.)");
        }
        if (loser.abandonedAtMs() > winner.endMs() + Tolerances.Ch07.LOSER_CLOSED.millis()) {
            fail(String.format(Locale.ROOT, "The copy that lost was closed %.0f ms after the other answered; cancel it as "
                    + "soon as you have the answer.", loser.abandonedAtMs() - winner.endMs()));
        }
    }

    private BoundedRun.Outcome<String> ask(BiFunction<Client, Duration, ? extends HedgedCall> newCall, String prompt)
            throws InterruptedException {
        HedgedCall call = newCall.apply(client, HEDGE_AFTER);
        if (call == null) {
            fail("Your factory returned null instead of a HedgedCall; pass a constructor such as HedgingCall::new.");
        }
        return BoundedRun.call("ask(...)", Duration.ofSeconds(2), () -> call.ask(prompt)).requireReturned();
    }

    private static String count(long n, String noun, String plural) {
        return n + " " + (n == 1 ? noun : plural);
    }
}
