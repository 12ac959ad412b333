package ai.asyncjava.solutions.ch07.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.Outcome;
import ai.asyncjava.kit.exercises.ch07.SettledFanOut;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Mutants of the settled fan-out: the reference's design with one learner's mistake switched on. */
public class FlawedSettledFanOut implements SettledFanOut {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Keeps the outcomes in the order the calls finished. */
        IN_FINISHING_ORDER,
        /** Rethrows the first failure, as a plain fan-out does. */
        THROWS_FIRST_FAILURE,
        /** Cancels the other calls at the first failure, as asyncio.gather does by default. */
        CANCELS_THE_REST,
        /** Keeps the ExecutionException that get() threw instead of the call's own exception. */
        KEEPS_EXECUTION_EXCEPTION,
        /** Leaves the failed calls out. */
        SKIPS_FAILURES,
        /** One call after another. */
        ONE_AT_A_TIME,
        /** Goes on waiting when interrupted. */
        IGNORES_INTERRUPT,
        /** Returns what it has when interrupted, without throwing. */
        SWALLOWS_INTERRUPT,
        /** Returns null for no prompts. */
        NULL_FOR_NONE,
    }

    private final Client client;
    private final Flaw flaw;

    public FlawedSettledFanOut(Client client, Flaw flaw) {
        this.client = client;
        this.flaw = flaw;
    }

    @Override
    public List<Outcome<String>> askAll(List<String> prompts) throws InterruptedException {
        if (prompts.isEmpty() && flaw == Flaw.NULL_FOR_NONE) {
            return null;
        }
        ExecutorService calls = flaw == Flaw.ONE_AT_A_TIME
                ? Executors.newSingleThreadExecutor() : Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<String> finishing = new ExecutorCompletionService<>(calls);
            List<Future<String>> answers = new ArrayList<>();
            for (String prompt : prompts) {
                answers.add(finishing.submit(() -> client.models.generateContent(Gemini.MODEL, prompt, null).text()));
            }
            if (flaw == Flaw.IN_FINISHING_ORDER) {
                answers.clear();
                for (int i = 0; i < prompts.size(); i++) {
                    answers.add(finishing.take());
                }
            }
            List<Outcome<String>> outcomes = new ArrayList<>();
            for (Future<String> answer : answers) {
                try {
                    outcomes.add(Outcome.success(getRegardless(answer)));
                } catch (ExecutionException e) {
                    if (flaw == Flaw.THROWS_FIRST_FAILURE) {
                        throw new IllegalStateException("a call failed", e.getCause());
                    }
                    if (flaw == Flaw.CANCELS_THE_REST) {
                        answers.forEach(other -> other.cancel(true));
                    }
                    if (flaw != Flaw.SKIPS_FAILURES) {
                        outcomes.add(Outcome.failure(flaw == Flaw.KEEPS_EXECUTION_EXCEPTION ? e
                                : (Exception) e.getCause()));
                    }
                } catch (java.util.concurrent.CancellationException e) {
                    outcomes.add(Outcome.failure(e));
                } catch (InterruptedException e) {
                    calls.shutdownNow();
                    if (flaw == Flaw.SWALLOWS_INTERRUPT) {
                        return outcomes;
                    }
                    throw e;
                }
            }
            return outcomes;
        } finally {
            calls.shutdownNow();
            calls.close();
        }
    }

    private String getRegardless(Future<String> answer) throws ExecutionException, InterruptedException {
        if (flaw != Flaw.IGNORES_INTERRUPT) {
            return answer.get();
        }
        while (true) {
            try {
                return answer.get();
            } catch (InterruptedException ignored) {
                // carries on waiting: the caller's interrupt is lost
            }
        }
    }
}
