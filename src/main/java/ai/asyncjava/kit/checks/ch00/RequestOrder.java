package ai.asyncjava.kit.checks.ch00;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.exercises.ch00.RecordingService;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The "answers in the order of the requests" check that both fan-out exercises share. */
final class RequestOrder {

    static final List<String> REQUESTS = List.of("a", "b", "c", "d", "e", "f");

    private RequestOrder() {}

    /**
     * A service on which later requests answer sooner (a: 300 ms down to f: 50 ms), so that
     * answers collected as they arrive do not come back in request order.
     */
    static RecordingService laterRequestsAnswerSooner() {
        return new RecordingService(request -> Duration.ofMillis(300 - 50L * REQUESTS.indexOf(request)), Set.of());
    }

    /** Fails unless {@code answers} holds the answer to each of {@link #REQUESTS}, in that order. */
    static void assertAnswersInRequestOrder(List<String> answers, RecordingService service) {
        if (answers == null) {
            fail("callAll returned null; return a list with one answer per request.");
        }
        if (answers.size() != REQUESTS.size()) {
            fail("callAll returned " + answers.size() + " answers for " + REQUESTS.size() + " requests "
                    + "(the service was called " + service.callCount() + " times).");
        }
        List<String> expected = REQUESTS.stream().map(RecordingService::answerTo).toList();
        if (!answers.equals(expected)) {
            fail("The answers are not in the order of the requests: for " + REQUESTS + " callAll returned "
                    + answers + ". Answer number i must be the answer to request number i, "
                    + "whichever call finishes first.");
        }
    }
}
