package ai.asyncjava.kit.checks.ch07;

import static ai.asyncjava.kit.checks.ModelAnswers.arithmeticPrompts;
import static ai.asyncjava.kit.checks.Wording.count;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.ModelAnswers;
import ai.asyncjava.kit.checks.PacedScript;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch07.Outcome;
import ai.asyncjava.kit.exercises.ch07.SettledFanOut;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 07's {@link SettledFanOut}, each against a Gemini simulator of its
 * own whose delays the check chooses per prompt ({@link PacedScript}) and whose faults it plants
 * on chosen prompts.
 */
@HiddenChecks(secondsPerCheck = 4)
class SettledFanOutChecks {

    private final GeminiSimulator simulator =
            CheckSimulators.gemini(GeminiSimulatorConfig.fast().withScript(PacedScript.fixed(Duration.ZERO)));
    private final Client client = CheckSimulators.clientWithoutRetries(simulator);

    @AfterEach
    void closeEverything() {
        CheckSimulators.close(client);
        CheckSimulators.close(simulator);
    }

    @Test
    @Order(1)
    @DisplayName("returns every answer as a success, in the order of the prompts")
    void answersInPromptOrder(Function<Client, ? extends SettledFanOut> newFanOut) throws Exception {
        List<String> prompts = arithmeticPrompts(8);
        // Later prompts are answered sooner: answers kept as they come back would be reversed.
        simulator.reconfigure(c -> c.withScript(PacedScript.delays(
                prompt -> Duration.ofMillis(60 + 40L * (7 - prompts.indexOf(prompt))))));

        List<Outcome<String>> outcomes = askAll(newFanOut, prompts);

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (!(outcomes.get(i) instanceof Outcome.Success<String>(String answer))) {
                fail("Outcome " + (i + 1) + " (for \"" + prompts.get(i) + "\") is " + describe(outcomes.get(i))
                        + ", though every call succeeded.");
                return;
            }
            answers.add(answer);
        }
        ModelAnswers.requireInPromptOrder(prompts, answers);
    }

    @Test
    @Order(2)
    @DisplayName("keeps every other answer when some calls fail, and each failure's own exception")
    void failuresCostOnlyTheirOwnAnswer(Function<Client, ? extends SettledFanOut> newFanOut) throws Exception {
        List<String> prompts = arithmeticPrompts(8);
        // index → the HTTP code its call fails with; the failures come at once, the answers after 200 ms
        Map<Integer, Integer> failing = Map.of(0, 500, 5, 503);
        simulator.reconfigure(c -> c.withScript(PacedScript.fixed(Duration.ofMillis(200))));
        simulator.failPromptAlways(prompts.get(0), Fault.INTERNAL_ERROR);
        simulator.failPromptAlways(prompts.get(5), Fault.UNAVAILABLE);

        List<Outcome<String>> outcomes = askAll(newFanOut, prompts);

        for (int i = 0; i < prompts.size(); i++) {
            Outcome<String> outcome = outcomes.get(i);
            String which = "Outcome " + (i + 1) + " (for \"" + prompts.get(i) + "\")";
            Integer code = failing.get(i);
            if (code == null) {
                if (!(outcome instanceof Outcome.Success<String>(String answer))) {
                    fail(which + " is " + describe(outcome) + ", though its call succeeded: calls 1 and 6 failed "
                            + "(HTTP 500 and 503) and the others must still bring their answers. Settle each call on "
                            + "its own; do not stop or cancel the rest when one fails.");
                    return;
                }
                ModelAnswers.requireInPromptOrder(List.of(prompts.get(i)), List.of(answer));
                continue;
            }
            if (!(outcome instanceof Outcome.Failure<String>(Exception error))) {
                fail(which + " is " + describe(outcome) + ", but its call failed with HTTP " + code + ".");
                return;
            }
            if (!(error instanceof ApiException api)) {
                Throwable cause = error.getCause();
                fail(which + " carries " + Wording.exception(error) + ", not the exception the call threw"
                        + (cause instanceof ApiException ? " (" + Wording.exception(cause) + ", its cause)" : "")
                        + ". A future's get() wraps the call's exception in an ExecutionException (a "
                        + "CompletableFuture's join() in a CompletionException): keep getCause(), so the caller can "
                        + "read the API's code.");
                return;
            }
            if (api.code() != code) {
                fail(which + " carries an ApiException with code " + api.code() + "; its call failed with " + code
                        + ". Is each outcome in the place of its own prompt?");
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("has all 12 calls in flight at the same time")
    void allCallsAtOnce(Function<Client, ? extends SettledFanOut> newFanOut) throws Exception {
        int calls = 12;
        Duration each = Duration.ofMillis(300);
        simulator.reconfigure(c -> c.withScript(PacedScript.fixed(each)));
        simulator.failPromptAlways("What is two times 4?", Fault.INTERNAL_ERROR);

        long started = System.nanoTime();
        askAll(newFanOut, arithmeticPrompts(calls));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        int peak = simulator.log().peakInFlight();
        if (peak < calls - 1) { // the failing call is answered at once
            fail("At most " + count(peak, "call") + " were in flight at the same time; all " + calls + " should be. "
                    + "Start every call (a virtual thread each) before you wait for any of them.");
        }
        Duration allowed = each.plus(Tolerances.Ch07.SETTLED_OVER_SLOWEST.get());
        if (took.compareTo(allowed) > 0) {
            fail("askAll took " + Wording.duration(took) + " for " + calls + " calls of " + Wording.duration(each)
                    + " each, sent at once; about one call's time is right (under " + Wording.duration(allowed) + ").");
        }
    }

    @Test
    @Order(4)
    @DisplayName("returns an empty list for no prompts")
    void noPrompts(Function<Client, ? extends SettledFanOut> newFanOut) throws Exception {
        List<Outcome<String>> outcomes = askAll(newFanOut, List.of());
        if (!outcomes.isEmpty()) {
            fail("For no prompts askAll returned " + outcomes + "; it should return an empty list.");
        }
    }

    @Test
    @Order(5)
    @DisplayName("stops at once when interrupted, leaving no call running")
    void stopsWhenInterrupted(Function<Client, ? extends SettledFanOut> newFanOut) throws Exception {
        simulator.reconfigure(c -> c.withScript(PacedScript.fixed(Duration.ofSeconds(20))));
        SettledFanOut fanOut = make(newFanOut);
        Duration patience = Duration.ofMillis(300);
        BoundedRun.Outcome<List<Outcome<String>>> run = BoundedRun.call("askAll(...)",
                patience.plus(Tolerances.STOP_AFTER_INTERRUPT.atFactorOne()),
                () -> fanOut.askAll(arithmeticPrompts(5)),
                caller -> {
                    Thread.sleep(patience.toMillis());
                    caller.interrupt();
                });
        if (!run.returned()) {
            fail("Interrupted while its 5 calls (20 s each) were in flight, askAll did not return within "
                    + Wording.duration(Tolerances.STOP_AFTER_INTERRUPT.get()) + ". Still waiting: " + run.stuck()
                    + ". On an InterruptedException, cancel the calls still in flight (executor.shutdownNow() "
                    + "interrupts their virtual threads, which closes their connections; a platform thread blocked "
                    + "reading a socket ignores the interrupt) and throw it on.");
        }
        if (!(run.failure() instanceof InterruptedException)) {
            fail("Interrupted while its calls were in flight, askAll "
                    + (run.failure() == null ? "returned " + Wording.shortened(String.valueOf(run.result()), 80)
                    : "threw " + Wording.exception(run.failure()))
                    + "; it should throw the InterruptedException, so the caller knows it was stopped.");
        }
    }

    private SettledFanOut make(Function<Client, ? extends SettledFanOut> newFanOut) {
        SettledFanOut fanOut = newFanOut.apply(client);
        if (fanOut == null) {
            fail("Your factory returned null instead of a SettledFanOut; pass a constructor such as SettleAllFanOut::new.");
        }
        return fanOut;
    }

    /** askAll on a caller thread of the check's, bounded; what it must return: one outcome per prompt. */
    private List<Outcome<String>> askAll(Function<Client, ? extends SettledFanOut> newFanOut, List<String> prompts)
            throws Exception {
        SettledFanOut fanOut = make(newFanOut);
        BoundedRun.Outcome<List<Outcome<String>>> run =
                BoundedRun.call("askAll(...)", Duration.ofSeconds(3), () -> fanOut.askAll(prompts));
        run.requireReturned();
        if (run.failure() != null) {
            fail("askAll threw " + Wording.exception(run.failure()) + ". A failed call is an outcome, not an "
                    + "exception: catch it per call and return Outcome.failure(e) in its place.");
        }
        List<Outcome<String>> outcomes = run.result();
        if (outcomes == null) {
            fail("askAll returned null; return a list with one Outcome per prompt.");
        }
        if (outcomes.size() != prompts.size()) {
            fail("askAll returned " + count(outcomes.size(), "outcome") + " for " + count(prompts.size(), "prompt")
                    + "; it returns one per prompt, failed calls included.");
        }
        requireNoCallInFlight();
        return outcomes;
    }

    /** The simulator notes a call's end just after its last byte: a moment's grace, then none may be in flight. */
    private void requireNoCallInFlight() throws InterruptedException {
        long deadline = System.nanoTime() + Tolerances.Ch07.CALL_END_GRACE.nanos();
        while (simulator.log().requests().stream().anyMatch(r -> r.inFlight())) {
            if (System.nanoTime() > deadline) {
                fail("askAll returned while a call was still in flight on the simulator: wait for every call to end "
                        + "(each future's get()) before you return.");
            }
            Thread.sleep(10);
        }
    }

    private static String describe(Outcome<String> outcome) {
        return switch (outcome) {
            case null -> "null";
            case Outcome.Success<String>(String value) -> "a success (" + Wording.quoted(Wording.shortened(String.valueOf(value), 80)) + ")";
            case Outcome.Failure<String>(Exception error) -> "a failure (" + Wording.exception(error) + ")";
        };
    }

}
