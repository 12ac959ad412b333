package ai.asyncjava.kit.checks.ch00;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.exercises.ch00.RecordingService;
import ai.asyncjava.kit.exercises.ch00.RecordingService.Call;
import ai.asyncjava.kit.exercises.ch00.RecordingService.Outcome;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Tolerances.Ch00;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch00.TimeoutCall;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The hidden checks of chapter 00's step 3, {@link TimeoutCall}. */
@HiddenChecks(secondsPerCheck = 3)
class TimeoutCallChecks {

    /** How long the checks wait for callWithTimeout to return at all (times the slowdown factor). */
    private static final Duration RETURN_LIMIT = Duration.ofMillis(2500);

    private static final Duration QUICK_CALL = Duration.ofMillis(150);
    private static final Duration SLOW_CALL = Duration.ofMillis(1500);

    @Test
    @Order(1)
    @DisplayName("returns the answer as soon as it comes, when it comes in time")
    void answerInTime(Supplier<? extends TimeoutCall> newTimeoutCall) throws Exception {
        RecordingService service = new RecordingService(QUICK_CALL);
        Duration timeout = Duration.ofMillis(1500);

        LearnerCall.Ended<String> ended = callWithTimeout(newTimeoutCall, service, "question", timeout);

        assertCalled(service);
        if (ended.threw()) {
            fail("callWithTimeout threw " + Wording.exception(ended.thrown()) + ", although the answer came after "
                    + Wording.duration(QUICK_CALL) + ", well within the timeout of " + Wording.duration(timeout) + ".");
        }
        String expected = RecordingService.answerTo("question");
        if (!expected.equals(ended.value())) {
            fail("callWithTimeout returned " + Wording.quoted(ended.value()) + " instead of the service's answer "
                    + Wording.quoted(expected) + ".");
        }
        double answeredAt = service.calls().getFirst().endMs();
        double lag = service.millisAt(ended.endNanos()) - answeredAt;
        if (lag > Ch00.LATENESS.millis()) {
            fail("callWithTimeout returned the answer " + Wording.millis(lag) + " after it came (the call took "
                    + Wording.duration(QUICK_CALL) + "; the timeout was " + Wording.duration(timeout) + "). Return as soon as the "
                    + "answer is there: wait for it with a deadline, rather than waiting out the timeout first.");
        }
    }

    @Test
    @Order(2)
    @DisplayName("throws TimeoutException when the timeout runs out, not before and not much after")
    void timeoutOnTime(Supplier<? extends TimeoutCall> newTimeoutCall) throws Exception {
        RecordingService service = new RecordingService(SLOW_CALL);
        Duration timeout = Duration.ofMillis(300);

        LearnerCall.Ended<String> ended = callWithTimeout(newTimeoutCall, service, "hard question", timeout);

        Throwable thrown = ended.thrown();
        if (thrown == null) {
            assertCalled(service);
            fail("callWithTimeout returned " + Wording.quoted(ended.value()) + ", although the answer takes "
                    + Wording.duration(SLOW_CALL) + " and the timeout was " + Wording.duration(timeout) + ". When the time is up, "
                    + "throw java.util.concurrent.TimeoutException.");
        }
        if (!(thrown instanceof TimeoutException)) {
            fail("callWithTimeout threw " + Wording.exception(thrown)
                    + (Wording.causedBy(thrown, TimeoutException.class)
                            ? ", which wraps a TimeoutException: throw the TimeoutException itself."
                            : "; when the time is up, throw java.util.concurrent.TimeoutException."));
        }
        double took = ended.afterMs();
        if (took < timeout.toMillis() * 0.9) {
            fail("callWithTimeout threw TimeoutException after " + Wording.millis(took) + ", before the timeout of "
                    + Wording.duration(timeout) + " was up. Is the timeout rounded down somewhere, for example to whole "
                    + "seconds by timeout.toSeconds()?");
        }
        if (took > timeout.toMillis() + Ch00.LATENESS.millis()) {
            fail("callWithTimeout threw TimeoutException only after " + Wording.millis(took) + "; the timeout was "
                    + Wording.duration(timeout) + " (allowed: up to " + Wording.millis(timeout.toMillis() + Ch00.LATENESS.millis())
                    + "). Stop waiting when the timeout runs out, not when the call ends.");
        }
        assertCalled(service);
    }

    @Test
    @Order(3)
    @DisplayName("stops the slow call: its thread is interrupted and the call ends")
    void slowCallIsStopped(Supplier<? extends TimeoutCall> newTimeoutCall) throws Exception {
        RecordingService service = new RecordingService(SLOW_CALL);
        Duration timeout = Duration.ofMillis(200);

        LearnerCall.Ended<String> ended = callWithTimeout(newTimeoutCall, service, "hard question", timeout);

        assertCalled(service);
        List<Call> calls = service.callsOnceEnded(Ch00.CALL_END_GRACE.get());
        if (calls.stream().anyMatch(call -> !call.ended())) {
            fail("callWithTimeout gave up after " + Wording.millis(ended.afterMs()) + ", but the call was still running "
                    + Wording.duration(Ch00.CALL_END_GRACE.get()) + " later: nothing interrupted it. Cancel the call's Future with "
                    + "cancel(true), which interrupts the thread running it. (Cancelling a CompletableFuture "
                    + "does not interrupt anything.)");
        }
        if (calls.stream().anyMatch(call -> call.outcome() != Outcome.INTERRUPTED)) {
            fail("The call was not stopped: it ran to its end after " + Wording.duration(SLOW_CALL) + ", although the timeout "
                    + "was " + Wording.duration(timeout) + ". When the time is up, cancel the call's Future with "
                    + "cancel(true): that interrupts its thread.");
        }
    }

    @Test
    @Order(4)
    @DisplayName("lets the call's own failure through, not as a timeout")
    void failureIsNotATimeout(Supplier<? extends TimeoutCall> newTimeoutCall) throws Exception {
        Duration failsAfter = Duration.ofMillis(50);
        RecordingService service = new RecordingService(request -> failsAfter, Set.of("bad question"));
        Duration timeout = Duration.ofMillis(1500);

        LearnerCall.Ended<String> ended = callWithTimeout(newTimeoutCall, service, "bad question", timeout);

        assertCalled(service);
        Throwable thrown = ended.thrown();
        String failure = new RecordingService.ServiceFailure("bad question").getMessage();
        if (thrown == null) {
            fail("The call failed (" + failure + "), yet callWithTimeout returned " + Wording.quoted(ended.value())
                    + ". Let the failure reach the caller.");
        }
        boolean carriesFailure = Wording.causedBy(thrown, RecordingService.ServiceFailure.class);
        if (thrown instanceof TimeoutException || !carriesFailure && Wording.causedBy(thrown, TimeoutException.class)) {
            fail("The call failed after " + Wording.duration(failsAfter) + " (" + failure + "), well within the timeout of "
                    + Wording.duration(timeout) + ", but callWithTimeout threw " + Wording.exception(thrown) + ". A failure "
                    + "that comes in time is not a timeout: let it through (it is the cause of the ExecutionException "
                    + "that get throws).");
        }
        if (!carriesFailure) {
            fail("callWithTimeout threw " + Wording.exception(thrown) + ", which does not carry the call's failure ("
                    + failure + "). Rethrow the failure, or wrap it as the cause of yours.");
        }
    }

    private static void assertCalled(RecordingService service) {
        if (service.callCount() == 0) {
            fail("callWithTimeout never called the service.");
        }
    }

    /** Runs callWithTimeout on its own thread; fails when it has not returned within {@link #RETURN_LIMIT}. */
    private static LearnerCall.Ended<String> callWithTimeout(Supplier<? extends TimeoutCall> newTimeoutCall,
            RecordingService service, String request, Duration timeout) throws InterruptedException {
        TimeoutCall timeoutCall = newTimeoutCall.get();
        Optional<LearnerCall.Ended<String>> ended =
                LearnerCall.runWithin(Tolerances.scaled(RETURN_LIMIT), () -> timeoutCall.callWithTimeout(service, request, timeout));
        if (ended.isEmpty()) {
            fail("callWithTimeout did not return within " + Wording.duration(Tolerances.scaled(RETURN_LIMIT)) + "; the timeout was "
                    + Wording.duration(timeout) + ".");
        }
        return ended.get();
    }
}
