package ai.asyncjava.kit.checks.ch07;

import static ai.asyncjava.kit.checks.Wording.count;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch07.DeadlineChain;
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
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 07's {@link DeadlineChain}, each against a Gemini simulator of its own
 * that watches its connections, so a call the client gave up on is seen to end (status 499) at the
 * moment the client closed it, and a call the client only stopped waiting for is seen to go on.
 */
@HiddenChecks(secondsPerCheck = 4)
class DeadlineChainChecks {

    static final List<String> PROMPTS = List.of("What is two times 31?", "What is two times 32?", "What is two times 33?");

    private final GeminiSimulator simulator = CheckSimulators.gemini(GeminiSimulatorConfig.fast()
            .withWatchForDisconnects(true)
            .withFaults(FaultSettings.none().withHangFor(Duration.ofSeconds(10))));
    private final Client client = CheckSimulators.clientWithoutRetries(simulator);

    @AfterEach
    void closeEverything() {
        CheckSimulators.close(client);
        CheckSimulators.close(simulator);
    }

    @Test
    @Order(1)
    @DisplayName("asks every prompt in turn and returns the last answer, when all fit in the budget")
    void answersWhenEveryCallFits(Function<Client, ? extends DeadlineChain> newChain) throws Exception {
        answerEachIn(Duration.ofMillis(150));
        BoundedRun.Outcome<String> run = run(newChain, Duration.ofSeconds(2));
        String answer = run.resultOrRethrow();
        List<LoggedRequest> calls = simulator.log().requests();
        if (calls.size() != PROMPTS.size()) {
            fail("The simulator saw " + count(calls.size(), "call") + " for " + PROMPTS.size() + " prompts.");
        }
        if (!GeminiAnswers.answerTo(PROMPTS.getLast()).equals(answer)) {
            fail("run(...) returned " + Wording.quoted(String.valueOf(answer)) + "; it returns the answer to the last "
                    + "prompt, " + Wording.quoted(GeminiAnswers.answerTo(PROMPTS.getLast())) + ".");
        }
    }

    @Test
    @Order(2)
    @DisplayName("throws TimeoutException when the budget runs out, at the deadline and not later")
    void givesUpAtTheDeadline(Function<Client, ? extends DeadlineChain> newChain) throws Exception {
        Duration budget = Duration.ofMillis(800);
        answerEachIn(Duration.ofMillis(100));
        simulator.failPromptAlways(PROMPTS.get(1), Fault.HANG);

        long started = System.nanoTime();
        BoundedRun.Outcome<String> run = run(newChain, budget);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        requireTimeout(run, "the second call hangs");
        requireAroundTheDeadline(took, budget, "the second call hangs");
        if (simulator.log().requests().size() > 2) {
            fail("After the budget ran out the third prompt was still sent: stop at the deadline.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("stops the call in flight at the deadline: the server sees the connection close")
    void stopsTheCallInFlight(Function<Client, ? extends DeadlineChain> newChain) throws Exception {
        Duration budget = Duration.ofMillis(800);
        answerEachIn(Duration.ofMillis(100));
        simulator.failPromptAlways(PROMPTS.get(1), Fault.HANG);

        run(newChain, budget);

        List<LoggedRequest> calls = simulator.log().requests();
        if (calls.size() < 2) {
            fail("Only " + count(calls.size(), "call") + " reached the simulator; the second prompt was never sent.");
        }
        LoggedRequest hanging = simulator.log().awaitEnd(calls.get(1).id(), Tolerances.Ch07.DEADLINE_LATE.get())
                .orElse(calls.get(1));
        double deadlineMs = calls.getFirst().arrivalMs() + budget.toMillis();
        if (!hanging.abandoned()) {
            fail("run(...) gave up on the hanging call, but the call itself went on: the simulator still had it in "
                    + "flight " + Wording.duration(Tolerances.Ch07.DEADLINE_LATE.get()) + " after the deadline. A "
                    + "future.get(timeout) only stops waiting; cancel(true) on a platform thread does not stop a "
                    + "socket read, and cancelling client.async's future does not stop its HTTP call. Give the call "
                    + "the SDK's own timeout (GenerateContentConfig.httpOptions(HttpOptions.builder().timeout(ms))), "
                    + "or run it on a virtual thread and interrupt that.");
        }
        if (hanging.abandonedAtMs() > deadlineMs + Tolerances.Ch07.DEADLINE_LATE.millis()) {
            fail(String.format(java.util.Locale.ROOT, "The hanging call was closed %.0f ms after the deadline; close "
                    + "it when the budget runs out.", hanging.abandonedAtMs() - deadlineMs));
        }
    }

    @Test
    @Order(4)
    @DisplayName("gives each call what is left of the budget, not a budget of its own")
    void sharesOneBudget(Function<Client, ? extends DeadlineChain> newChain) throws Exception {
        Duration budget = Duration.ofMillis(1_200);
        answerEachIn(Duration.ofMillis(500)); // the third call would end at 1.5 s

        long started = System.nanoTime();
        BoundedRun.Outcome<String> run = run(newChain, budget);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        if (run.failure() == null) {
            fail("run(...) returned an answer after " + Wording.duration(took) + ", past its budget of "
                    + Wording.duration(budget) + " (three calls of 500 ms): each call had a budget of its own. Note the "
                    + "deadline once, System.nanoTime() + budget, and give each call what is left of it.");
        }
        requireTimeout(run, "three calls of 500 ms take 1.5 s");
        requireAroundTheDeadline(took, budget, "three calls of 500 ms take 1.5 s");
    }

    private void answerEachIn(Duration latency) {
        simulator.reconfigure(c -> c.withLatencies(GeminiLatencies.none().withGenerate(LatencyModel.fixed(latency))));
    }

    private BoundedRun.Outcome<String> run(Function<Client, ? extends DeadlineChain> newChain, Duration budget)
            throws InterruptedException {
        DeadlineChain chain = newChain.apply(client);
        if (chain == null) {
            fail("Your factory returned null instead of a DeadlineChain; pass a constructor such as BudgetedChain::new.");
        }
        return BoundedRun.call("run(...)", budget.plus(Duration.ofMillis(1_500)), () -> chain.run(PROMPTS, budget))
                .requireReturned();
    }

    private static void requireTimeout(BoundedRun.Outcome<String> run, String why) {
        if (!(run.failure() instanceof TimeoutException)) {
            fail("When " + why + ", the budget runs out, and run(...) "
                    + (run.failure() == null ? "returned " + Wording.quoted(String.valueOf(run.result()))
                    : "threw " + Wording.exception(run.failure()))
                    + "; it should throw a TimeoutException (java.util.concurrent).");
        }
    }

    private static void requireAroundTheDeadline(Duration took, Duration budget, String why) {
        if (took.compareTo(budget.plus(Tolerances.Ch07.DEADLINE_LATE.get())) > 0) {
            fail("When " + why + ", run(...) gave up after " + Wording.duration(took) + "; the budget was "
                    + Wording.duration(budget) + ". Give up at the deadline.");
        }
        if (took.compareTo(budget.minus(Tolerances.Ch07.DEADLINE_EARLY.atFactorOne())) < 0) {
            fail("When " + why + ", run(...) gave up after " + Wording.duration(took) + ", with "
                    + Wording.duration(budget.minus(took)) + " of its " + Wording.duration(budget) + " budget left: give "
                    + "each call all that is left, not a share decided in advance.");
        }
    }
}
