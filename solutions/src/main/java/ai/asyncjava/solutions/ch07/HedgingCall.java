package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.HedgedCall;
import com.google.genai.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One call, and a second copy only when the first is slower than the hedging delay; the first
 * answer wins and the other copy is cancelled: its virtual thread is interrupted, which closes its
 * socket, so the server stops working for nobody.
 */
public class HedgingCall implements HedgedCall {

    private final Client client;
    private final Duration hedgeAfter;

    public HedgingCall(Client client, Duration hedgeAfter) {
        this.client = client;
        this.hedgeAfter = hedgeAfter;
    }

    @Override
    public String ask(String prompt) throws Exception {
        try (ExecutorService copies = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<String> answered = new ExecutorCompletionService<>(copies);
            List<Future<String>> sent = new ArrayList<>();
            sent.add(answered.submit(() -> client.models.generateContent(Gemini.MODEL, prompt, null).text()));
            Future<String> first = answered.poll(hedgeAfter.toNanos(), TimeUnit.NANOSECONDS);
            if (first == null) { // slower than most calls: hedge
                sent.add(answered.submit(() -> client.models.generateContent(Gemini.MODEL, prompt, null).text()));
            }
            try {
                return firstAnswer(answered, first, sent.size());
            } finally {
                sent.forEach(copy -> copy.cancel(true)); // the loser's socket is closed as its thread is interrupted
            }
        }
    }

    /** The first copy that answers; a copy that failed leaves the answer to the other, if there is one. */
    private static String firstAnswer(CompletionService<String> answered, Future<String> first, int copies)
            throws Exception {
        ExecutionException lastFailure = null;
        Future<String> next = first;
        for (int waitedFor = 0; waitedFor < copies; waitedFor++) {
            if (next == null) {
                next = answered.take();
            }
            try {
                return next.get();
            } catch (ExecutionException failed) {
                lastFailure = failed;
                next = null;
            }
        }
        throw lastFailure.getCause() instanceof Exception cause ? cause : lastFailure;
    }
}
