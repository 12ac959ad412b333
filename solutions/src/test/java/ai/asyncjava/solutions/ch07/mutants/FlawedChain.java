package ai.asyncjava.solutions.ch07.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.DeadlineChain;
import com.google.genai.Client;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.HttpOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Mutants of the budgeted chain: each a way of timing out that a learner may try. */
public class FlawedChain implements DeadlineChain {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Checks the clock between calls only: a call that hangs is waited for. */
        NO_TIMEOUT,
        /** Gives every call the whole budget. */
        FRESH_BUDGET,
        /** Gives every call an equal share of the budget, decided in advance. */
        SPLIT_EVENLY,
        /** Waits with future.get(timeout) and walks away: the call goes on. */
        GET_WITHOUT_CANCEL,
        /** Runs each call on a platform thread and cancels it with cancel(true): a socket read ignores that. */
        PLATFORM_THREAD_CANCEL,
        /** Uses client.async and cancels its future: the SDK's HTTP call goes on. */
        ASYNC_CANCEL,
        /** Returns the first answer instead of the last. */
        FIRST_ANSWER,
    }

    /** Shared by every mutant of a kind, so that the threads of a walked-away call do not pile up per run. */
    private static final ExecutorService PLATFORM = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "flawed chain's platform thread");
        thread.setDaemon(true);
        return thread;
    });

    private final Client client;
    private final Flaw flaw;

    public FlawedChain(Client client, Flaw flaw) {
        this.client = client;
        this.flaw = flaw;
    }

    @Override
    public String run(List<String> prompts, Duration budget) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        String answer = null;
        for (String prompt : prompts) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("out of budget");
            }
            answer = switch (flaw) {
                case NO_TIMEOUT -> client.models.generateContent(Gemini.MODEL, prompt, null).text();
                case FIRST_ANSWER -> answer == null ? withTimeout(prompt, left / 1_000_000) : answer;
                case FRESH_BUDGET -> withTimeout(prompt, budget.toMillis());
                case SPLIT_EVENLY -> withTimeout(prompt, budget.toMillis() / prompts.size());
                case GET_WITHOUT_CANCEL, PLATFORM_THREAD_CANCEL -> waitedFor(prompt, left);
                case ASYNC_CANCEL -> asyncWaitedFor(prompt, left);
            };
        }
        return answer;
    }

    private String withTimeout(String prompt, long millis) throws TimeoutException {
        try {
            return client.models.generateContent(Gemini.MODEL, prompt,
                    GenerateContentConfig.builder().httpOptions(HttpOptions.builder().timeout((int) millis)).build()).text();
        } catch (GenAiIOException e) {
            throw new TimeoutException("timed out");
        }
    }

    private String waitedFor(String prompt, long leftNanos) throws TimeoutException, InterruptedException {
        ExecutorService threads = flaw == Flaw.PLATFORM_THREAD_CANCEL ? PLATFORM : Executors.newVirtualThreadPerTaskExecutor();
        Future<String> call = threads.submit(() -> client.models.generateContent(Gemini.MODEL, prompt, null).text());
        try {
            return call.get(leftNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            if (flaw == Flaw.PLATFORM_THREAD_CANCEL) {
                call.cancel(true);
            }
            throw e;
        }
    }

    private String asyncWaitedFor(String prompt, long leftNanos) throws TimeoutException, InterruptedException {
        var call = client.async.models.generateContent(Gemini.MODEL, prompt, null);
        try {
            return call.get(leftNanos, TimeUnit.NANOSECONDS).text();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw e;
        }
    }
}
