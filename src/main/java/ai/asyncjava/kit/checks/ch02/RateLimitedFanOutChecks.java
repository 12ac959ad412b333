package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.simulators.LogFigures;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 02's step 2: the learner's fan-out sends 15 prompts through the
 * learner's limiter to a Gemini simulator whose quota is 5 requests per 500 ms, with a client
 * that does not retry, so any 429 shows. All checks judge one run ({@link LimitedCallsRun}).
 */
@HiddenChecks(secondsPerCheck = 7)
class RateLimitedFanOutChecks {

    private static final String QUOTA = LimitedCallsRun.QUOTA + " requests per " + Limits.human(LimitedCallsRun.WINDOW);

    @Test
    @Order(1)
    @DisplayName("returns every model answer, in the order of the prompts")
    void answersInOrder(Chapter02.LimitedCalls setup) throws Exception {
        LimitedCallsRun run = LimitedCallsRun.of(setup);
        failIfItDidNotFinish(run);
        List<String> prompts = LimitedCallsRun.PROMPTS;
        if (run.answers() == null) {
            fail("askAll returned null; return a list with one answer per prompt.");
        }
        if (run.answers().size() != prompts.size()) {
            fail("askAll returned " + run.answers().size() + " answers for " + prompts.size() + " prompts.");
        }
        List<String> expected = prompts.stream().map(GeminiAnswers::answerTo).toList();
        for (int i = 0; i < prompts.size(); i++) {
            if (!expected.get(i).equals(run.answers().get(i))) {
                int answeredAt = expected.indexOf(run.answers().get(i));
                fail("Answer " + (i + 1) + " is not the answer to prompt " + (i + 1) + " (\"" + prompts.get(i) + "\")"
                        + (answeredAt >= 0 ? "; it answers prompt " + (answeredAt + 1) : "") + ". Answer number i "
                        + "must be the answer to prompt number i, whichever request finishes first.");
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("calls acquire() once before each request it sends")
    void acquireBeforeEachRequest(Chapter02.LimitedCalls setup) throws Exception {
        LimitedCallsRun run = LimitedCallsRun.of(setup);
        List<LoggedRequest> requests = run.requests();
        List<Long> acquired = run.acquiredAt();
        if (acquired.isEmpty()) {
            fail("askAll never called limiter.acquire(); call it in each request's thread, right before the request.");
        }
        for (int i = 0; i < requests.size(); i++) {
            if (i >= acquired.size()) {
                fail("The " + Limits.ordinal(i + 1) + " request was sent, but acquire() had returned only "
                        + times(acquired.size()) + ". Call acquire() once for each request, right before sending it.");
            }
            long early = acquired.get(i) - run.arrivalNanos(requests.get(i));
            if (early > 1_000_000) {
                fail("The " + Limits.ordinal(i + 1) + " request reached the server " + Limits.ms(early) + " before acquire() "
                        + "had returned " + times(i + 1) + ". Wait for acquire() first, then send the request.");
            }
        }
        if (acquired.size() != requests.size()) {
            fail("askAll called acquire() " + times(acquired.size()) + " and sent " + requests.size() + " requests; "
                    + "call it exactly once for each request, right before sending it.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("keeps under the quota: no 429, and never more requests in a window than it allows")
    void noRequestOverTheQuota(Chapter02.LimitedCalls setup) throws Exception {
        LimitedCallsRun run = LimitedCallsRun.of(setup);
        List<LoggedRequest> requests = run.requests();
        failIfNothingWasSent(run);
        long refused = requests.stream().filter(r -> r.status() == 429).count();
        int most = LogFigures.maxInWindow(requests, LimitedCallsRun.WINDOW, r -> true);
        if (refused > 0 || most > LimitedCallsRun.QUOTA) {
            fail("The simulator answered " + refused + " of " + requests.size() + " requests with 429 "
                    + "RESOURCE_EXHAUSTED: " + most + " requests arrived within " + Limits.human(LimitedCallsRun.WINDOW)
                    + ", and its quota is " + QUOTA + ". The limiter was made with a limit of " + LimitedCallsRun.QUOTA
                    + " per " + Limits.human(LimitedCallsRun.limiterInterval()) + " (the quota's window and a margin of "
                    + Limits.human(LimitedCallsRun.MARGIN) + "). Does every request wait for acquire(), and does your "
                    + "limiter pass Chapter02.checkSlidingWindow?");
        }
    }

    @Test
    @Order(4)
    @DisplayName("sends requests concurrently, and finishes 3 × the quota in about 2 windows")
    void concurrentAndQuick(Chapter02.LimitedCalls setup) throws Exception {
        LimitedCallsRun run = LimitedCallsRun.of(setup);
        failIfItDidNotFinish(run);
        failIfNothingWasSent(run);
        int peak = LogFigures.peakInFlight(run.requests());
        if (peak < LimitedCallsRun.QUOTA) {
            fail("At most " + peak + " request" + (peak == 1 ? " was" : "s were") + " in flight at once; the quota lets "
                    + LimitedCallsRun.QUOTA + " go together. Send each request on its own virtual thread, and let each "
                    + "thread wait for the limiter by itself.");
        }
        long best = 2 * LimitedCallsRun.limiterInterval().toNanos() + LimitedCallsRun.LATENCY_MAX.toNanos();
        long allowed = best + 2 * BlockingProbes.LATE_NANOS;
        if (run.tookNanos() > allowed) {
            fail("askAll took " + Limits.ms(run.tookNanos()) + " for " + LimitedCallsRun.PROMPTS.size() + " prompts; "
                    + "with a limit of " + LimitedCallsRun.QUOTA + " per " + Limits.human(LimitedCallsRun.limiterInterval())
                    + " and answers taking up to " + Limits.human(LimitedCallsRun.LATENCY_MAX) + ", it can take "
                    + Limits.ms(best) + " (the check allows " + Limits.ms(allowed) + ").");
        }
    }

    private static void failIfNothingWasSent(LimitedCallsRun run) {
        if (run.requests().isEmpty()) {
            fail("askAll sent no request to the model.");
        }
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    /** Fails when askAll threw, or was still running when the check gave up on it. */
    private static void failIfItDidNotFinish(LimitedCallsRun run) {
        if (run.stuckAt() != null) {
            fail("askAll had not returned after " + Limits.ms(run.tookNanos()) + " (it was at " + run.stuckAt() + ").");
        }
        Throwable thrown = run.failure();
        if (thrown == null) {
            return;
        }
        while ((thrown instanceof ExecutionException || thrown instanceof CompletionException) && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        if (run.quotaError().isPresent()) {
            fail("askAll threw " + thrown.getClass().getSimpleName() + ": the simulator refused a request with 429 "
                    + "RESOURCE_EXHAUSTED, because more than " + QUOTA + " arrived.");
        }
        fail("askAll threw " + BlockingProbes.describe(thrown) + ".");
    }
}
