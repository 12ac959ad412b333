package ai.asyncjava.solutions.ch07.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.HedgedCall;
import com.google.genai.Client;
import java.time.Duration;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Mutants of the hedged call: the reference's design with one learner's mistake switched on. */
public class FlawedHedge implements HedgedCall {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Sends both copies at once, for every call. */
        HEDGES_AT_ONCE,
        /** Waits for the first copy as long as it takes. */
        NEVER_HEDGES,
        /** Returns the first answer and leaves the other copy running. */
        NO_CANCEL,
        /** Runs the copies on platform threads: cancel(true) cannot reach their sockets. */
        PLATFORM_THREADS,
        /** Returns the first copy's answer whenever it comes, though the second answered first. */
        WAITS_FOR_THE_FIRST_COPY,
    }

    /** Walked-away copies keep running here, so that ask() can return without waiting for them. */
    private static final ExecutorService LEFT_RUNNING = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "flawed hedge's platform thread");
        thread.setDaemon(true);
        return thread;
    });

    private final Client client;
    private final Duration hedgeAfter;
    private final Flaw flaw;

    public FlawedHedge(Client client, Duration hedgeAfter, Flaw flaw) {
        this.client = client;
        this.hedgeAfter = hedgeAfter;
        this.flaw = flaw;
    }

    @Override
    public String ask(String prompt) throws Exception {
        boolean walksAway = flaw == Flaw.NO_CANCEL || flaw == Flaw.PLATFORM_THREADS;
        ExecutorService copies = walksAway ? LEFT_RUNNING : Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletionService<String> answered = new ExecutorCompletionService<>(copies);
            Future<String> one = answered.submit(() -> client.models.generateContent(Gemini.MODEL, prompt, null).text());
            if (flaw == Flaw.NEVER_HEDGES) {
                return one.get();
            }
            Future<String> other = null;
            if (flaw == Flaw.HEDGES_AT_ONCE || answered.poll(hedgeAfter.toNanos(), TimeUnit.NANOSECONDS) == null) {
                other = answered.submit(() -> client.models.generateContent(Gemini.MODEL, prompt, null).text());
            }
            if (flaw == Flaw.WAITS_FOR_THE_FIRST_COPY) {
                String answer = one.get();
                if (other != null) {
                    other.cancel(true);
                }
                return answer;
            }
            Future<String> winner = one.isDone() ? one : answered.take();
            String answer = winner.get();
            Future<String> loser = winner == one ? other : one;
            if (loser != null && (flaw != Flaw.NO_CANCEL)) {
                loser.cancel(true);
            }
            return answer;
        } finally {
            if (!walksAway) {
                copies.shutdownNow();
                copies.close();
            }
        }
    }
}
