package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.ModelAnswers;
import ai.asyncjava.kit.checks.Tolerances.Ch02;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.simulators.LogFigures;
import ai.asyncjava.kit.simulators.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hidden checks of chapter 02's step 3: the learner's fan-out sends 15 prompts through the
 * learner's limiter to a Gemini simulator whose quota is 5 requests per 500 ms, with a client
 * that does not retry, so any 429 shows. All checks judge one run ({@link LimitedCallsRun}),
 * made by the first check: one instance of this class serves one run of the checks.
 */
@HiddenChecks(secondsPerCheck = 7)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitedFanOutChecks {

    private static final String QUOTA = LimitedCallsRun.QUOTA + " requests per " + Wording.duration(LimitedCallsRun.WINDOW);

    @Test
    @Order(1)
    @DisplayName("returns every model answer, in the order of the prompts")
    void answersInOrder(Chapter02.LimitedCalls setup) throws Exception {
        LimitedCallsRun run = run(setup);
        List<String> answers = answersOf(run);
        ModelAnswers.requireInPromptOrder(LimitedCallsRun.PROMPTS, answers);
    }

    @Test
    @Order(2)
    @DisplayName("calls acquire() once before each request it sends")
    void acquireBeforeEachRequest(Chapter02.LimitedCalls setup) throws Exception {
        LimitedCallsRun run = run(setup);
        List<LoggedRequest> requests = run.requests();
        List<Long> acquired = run.acquiredAt();
        if (acquired.isEmpty()) {
            fail("askAll never called limiter.acquire(); call it in each request's thread, right before the request.");
        }
        for (int i = 0; i < requests.size(); i++) {
            if (i >= acquired.size()) {
                fail("The " + Wording.ordinal(i + 1) + " request was sent, but acquire() had returned only "
                        + times(acquired.size()) + ". Call acquire() once for each request, right before sending it.");
            }
            long early = acquired.get(i) - run.arrivalNanos(requests.get(i));
            if (early > Ch02.ARRIVAL_BEFORE_ACQUIRE.nanos()) {
                fail("The " + Wording.ordinal(i + 1) + " request reached the server " + Wording.nanos(early) + " before acquire() "
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
        LimitedCallsRun run = run(setup);
        List<LoggedRequest> requests = run.requests();
        failIfNothingWasSent(run);
        long refused = requests.stream().filter(r -> r.status() == 429).count();
        int most = LogFigures.maxInWindow(requests, LimitedCallsRun.WINDOW, r -> true);
        if (refused > 0 || most > LimitedCallsRun.QUOTA) {
            fail("The simulator answered " + refused + " of " + requests.size() + " requests with 429 "
                    + "RESOURCE_EXHAUSTED: " + most + " requests arrived within " + Wording.duration(LimitedCallsRun.WINDOW)
                    + ", and its quota is " + QUOTA + ". The limiter was made with a limit of " + LimitedCallsRun.QUOTA
                    + " per " + Wording.duration(LimitedCallsRun.limiterInterval()) + " (the quota's window and a margin of "
                    + Wording.duration(LimitedCallsRun.MARGIN) + "). Does every request wait for acquire(), and does your "
                    + "limiter pass Chapter02.checkSlidingWindow?");
        }
    }

    @Test
    @Order(4)
    @DisplayName("sends requests concurrently, and finishes 3 × the quota in about 2 windows")
    void concurrentAndQuick(Chapter02.LimitedCalls setup) throws Exception {
        LimitedCallsRun run = run(setup);
        answersOf(run);
        failIfNothingWasSent(run);
        int peak = LogFigures.peakInFlight(run.requests());
        if (peak < LimitedCallsRun.QUOTA) {
            fail("At most " + peak + " request" + (peak == 1 ? " was" : "s were") + " in flight at once; the quota lets "
                    + LimitedCallsRun.QUOTA + " go together. Send each request on its own virtual thread, and let each "
                    + "thread wait for the limiter by itself.");
        }
        long best = 2 * LimitedCallsRun.limiterInterval().toNanos() + LimitedCallsRun.LATENCY_MAX.toNanos();
        long allowed = best + Ch02.FAN_OUT_LATE.nanos();
        long took = run.askAll().took().toNanos();
        if (took > allowed) {
            fail("askAll took " + Wording.nanos(took) + " for " + LimitedCallsRun.PROMPTS.size() + " prompts; "
                    + "with a limit of " + LimitedCallsRun.QUOTA + " per " + Wording.duration(LimitedCallsRun.limiterInterval())
                    + " and answers taking up to " + Wording.duration(LimitedCallsRun.LATENCY_MAX) + ", it can take "
                    + Wording.nanos(best) + " (the check allows " + Wording.nanos(allowed) + ").");
        }
    }

    /** The one run these checks judge, once the first of them made it. */
    private LimitedCallsRun shared;

    private LimitedCallsRun run(Chapter02.LimitedCalls setup) throws Exception {
        if (shared == null) {
            shared = LimitedCallsRun.of(setup);
        }
        return shared;
    }

    private static void failIfNothingWasSent(LimitedCallsRun run) {
        if (run.requests().isEmpty()) {
            fail("askAll sent no request to the model.");
        }
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    /** What askAll returned; fails when it threw, or was still running when the check gave up on it. */
    private static List<String> answersOf(LimitedCallsRun run) {
        run.askAll().requireReturned();
        Throwable thrown = run.askAll().failure();
        if (thrown == null) {
            return run.askAll().result();
        }
        if (run.quotaError().isPresent()) {
            fail("askAll threw " + Wording.unwrapped(thrown).getClass().getSimpleName() + ": the simulator refused a "
                    + "request with 429 RESOURCE_EXHAUSTED, because more than " + QUOTA + " arrived.");
        }
        return fail("askAll threw " + Wording.thrownAt(thrown) + ".");
    }
}
