package ai.asyncjava.kit.checks.ch00;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch00.FanOut;
import ai.asyncjava.kit.exercises.ch00.RecordingService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The hidden checks of chapter 00's step 1, {@link FanOut}. */
@HiddenChecks(secondsPerCheck = 3)
class FanOutChecks {

    @Test
    @Order(1)
    @DisplayName("returns one answer per request, in the order of the requests")
    void answersInRequestOrder(Supplier<? extends FanOut> newFanOut) throws Exception {
        RecordingService service = RequestOrder.laterRequestsAnswerSooner();

        List<String> answers = newFanOut.get().callAll(service, RequestOrder.REQUESTS);

        RequestOrder.assertAnswersInRequestOrder(answers, service);
    }

    @Test
    @Order(2)
    @DisplayName("has every call in flight at the same time")
    void callsRunConcurrently(Supplier<? extends FanOut> newFanOut) throws Exception {
        int requestCount = 8;
        List<String> requests = IntStream.rangeClosed(1, requestCount).mapToObj(i -> "request " + i).toList();
        RecordingService service = new RecordingService(Duration.ofMillis(300));

        newFanOut.get().callAll(service, requests);

        int most = service.mostInFlight();
        if (most == 0) {
            fail("callAll never called the service.");
        }
        if (most == 1) {
            fail("The " + requestCount + " calls ran one after another: never more than 1 was in flight. "
                    + "Start every call before you wait for any answer.");
        }
        if (most < requestCount) {
            fail("At most " + most + " of the " + requestCount + " calls were in flight at once; all "
                    + requestCount + " should be. A pool of " + most + " threads? Give every call its own "
                    + "virtual thread.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("fails when a call fails, once no call is still running")
    void failureReachesTheCaller(Supplier<? extends FanOut> newFanOut) {
        List<String> requests = List.of("boom", "b", "c", "d", "e");
        // The first call fails fast, while the others are still running.
        RecordingService service = new RecordingService(
                request -> Duration.ofMillis(request.equals("boom") ? 20 : 250), Set.of("boom"));

        List<String> answers;
        try {
            answers = newFanOut.get().callAll(service, requests);
        } catch (Exception thrown) {
            if (!Wording.causedBy(thrown, RecordingService.ServiceFailure.class)) {
                fail("callAll threw " + Wording.exception(thrown) + ", "
                        + "which does not carry the service's failure. Rethrow the failure, or wrap it as the cause of yours.");
            }
            if (service.inFlight() > 0) {
                fail("callAll threw while " + service.inFlight() + " other calls were still running. "
                        + "Wait for every call to end before you report the failure.");
            }
            return;
        }
        fail("One call failed (" + new RecordingService.ServiceFailure("boom").getMessage() + "), yet callAll "
                + "returned " + answers + ". Let the failure reach the caller instead of returning a partial list.");
    }

    @Test
    @Order(4)
    @DisplayName("returns an empty list when there are no requests")
    void noRequests(Supplier<? extends FanOut> newFanOut) throws Exception {
        RecordingService service = new RecordingService(Duration.ofMillis(10));

        List<String> answers = newFanOut.get().callAll(service, List.of());

        if (answers == null || !answers.isEmpty()) {
            fail("For no requests callAll returned " + answers + "; it should return an empty list.");
        }
    }
}
