package ai.asyncjava.kit.checks.ch00;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Tolerances.Ch00;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.kit.exercises.ch00.RecordingService;
import ai.asyncjava.kit.exercises.ch00.RecordingService.Call;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The hidden checks of chapter 00's step 2, {@link BoundedFanOut}. */
@HiddenChecks(secondsPerCheck = 2)
class BoundedFanOutChecks {

    @Test
    @Order(1)
    @DisplayName("returns one answer per request, in the order of the requests")
    void answersInRequestOrder(Supplier<? extends BoundedFanOut> newFanOut) throws Exception {
        RecordingService service = RequestOrder.laterRequestsAnswerSooner();

        List<String> answers = newFanOut.get().callAll(service, RequestOrder.REQUESTS, 2);

        RequestOrder.assertAnswersInRequestOrder(answers, service);
    }

    @Test
    @Order(2)
    @DisplayName("never has more than maxInFlight calls in flight")
    void neverMoreThanTheBound(Supplier<? extends BoundedFanOut> newFanOut) throws Exception {
        int maxInFlight = 3;
        List<String> requests = requests(12);
        // Uneven call times, so that calls end, and new ones start, at many different moments.
        RecordingService service = new RecordingService(
                request -> Duration.ofMillis(60 + 35L * (requests.indexOf(request) % 5)), Set.of());

        newFanOut.get().callAll(service, requests, maxInFlight);

        int most = service.mostInFlight();
        if (most == 0) {
            fail("callAll never called the service.");
        }
        if (most > maxInFlight) {
            fail("Up to " + most + " of the " + requests.size() + " calls were in flight at once; maxInFlight was "
                    + maxInFlight + ". Every call must hold a permit of one Semaphore, shared by all calls, "
                    + "while it runs.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("keeps maxInFlight calls going: n calls take about ceil(n / maxInFlight) call times")
    void usesTheWholeBound(Supplier<? extends BoundedFanOut> newFanOut) throws Exception {
        int maxInFlight = 4;
        List<String> requests = requests(8);
        long callMs = 200;
        RecordingService service = new RecordingService(Duration.ofMillis(callMs));

        newFanOut.get().callAll(service, requests, maxInFlight);

        int most = service.mostInFlight();
        if (most == 0) {
            fail("callAll never called the service.");
        }
        if (most < maxInFlight) {
            fail("At most " + most + (most == 1 ? " call was" : " calls were") + " in flight at a time, although "
                    + "maxInFlight was " + maxInFlight + ": the bound was not used. Start every call before you "
                    + "wait for any answer, and let the semaphore alone hold calls back.");
        }
        double idealMs = Math.ceil((double) requests.size() / maxInFlight) * callMs;
        double tookMs = span(service.calls());
        if (tookMs > idealMs + Ch00.RUN_OVER_IDEAL.millis()) {
            fail(requests.size() + " calls of " + callMs + " ms, " + maxInFlight + " at a time, took "
                    + Wording.millis(tookMs) + " from the first call to the last answer; they take about "
                    + Wording.millis(idealMs) + " (allowed: " + Wording.millis(idealMs + Ch00.RUN_OVER_IDEAL.millis()) + ").");
        }
    }

    @Test
    @Order(4)
    @DisplayName("gives a permit back when a call fails, so the other calls still run")
    void permitGivenBackOnFailure(Supplier<? extends BoundedFanOut> newFanOut) throws Exception {
        int maxInFlight = 2;
        List<String> requests = List.of("boom 1", "boom 2", "boom 3", "boom 4");
        // Every call fails: if a failed call kept its permit, the first two would take both for good.
        RecordingService service = new RecordingService(request -> Duration.ofMillis(30), Set.copyOf(requests));
        BoundedFanOut fanOut = newFanOut.get();
        Duration limit = Tolerances.scaled(Duration.ofMillis(1200));

        Optional<LearnerCall.Ended<List<String>>> ended =
                LearnerCall.runWithin(limit, () -> fanOut.callAll(service, requests, maxInFlight));

        if (ended.isEmpty()) {
            int calls = service.callCount();
            fail("Every call failed (each after 30 ms), and callAll was still waiting " + Wording.duration(limit) + " later; "
                    + (calls < requests.size()
                            ? "only " + calls + " of the " + requests.size() + " requests were ever sent. "
                            : "")
                    + "A call that fails must give its permit back, or the next request waits for ever: "
                    + "release the permit in a finally block.");
        }
        Throwable thrown = ended.get().thrown();
        if (service.callCount() == 0) {
            fail("callAll never called the service.");
        }
        if (thrown == null) {
            fail("Every call failed, yet callAll returned " + ended.get().value() + ". Let the failure reach the caller.");
        }
        if (!Wording.causedBy(thrown, RecordingService.ServiceFailure.class)) {
            fail("callAll threw " + Wording.exception(thrown) + ", which does not carry the service's failure. "
                    + "Rethrow the failure, or wrap it as the cause of yours.");
        }
    }

    @Test
    @Order(5)
    @DisplayName("starts a waiting request as soon as a call ends, not group by group")
    void noPlaceLeftIdle(Supplier<? extends BoundedFanOut> newFanOut) throws Exception {
        int maxInFlight = 3;
        // In every group of three, one long call and two short ones: waiting for whole groups
        // would leave two places idle for most of each long call.
        List<String> requests = requests(9);
        RecordingService service = new RecordingService(
                request -> Duration.ofMillis(requests.indexOf(request) % 3 == 0 ? 500 : 60), Set.of());

        newFanOut.get().callAll(service, requests, maxInFlight);

        List<Call> calls = service.calls();
        if (calls.isEmpty()) {
            fail("callAll never called the service.");
        }
        double idle = longestIdlePlace(calls, maxInFlight);
        if (idle > Ch00.HANDOVER.millis()) {
            fail("A place for a call stayed free for " + Wording.millis(idle) + " while requests were still waiting "
                    + "(allowed: " + Wording.duration(Ch00.HANDOVER.get()) + "); the " + requests.size() + " calls took "
                    + Wording.millis(span(calls)) + ". When a call ends, the next request should start at once. Do you "
                    + "start the calls in groups of maxInFlight and wait for each whole group?");
        }
    }

    private static List<String> requests(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "request " + i).toList();
    }

    /** From the first call's start to the last call's end, in ms. */
    private static double span(List<Call> calls) {
        double first = calls.stream().mapToDouble(Call::startMs).min().orElse(0);
        double last = calls.stream().filter(Call::ended).mapToDouble(Call::endMs).max().orElse(first);
        return last - first;
    }

    /**
     * The longest time one of {@code places} stood free while a call that started later was
     * waiting. The places are free from the first start; each call takes the place that has
     * been free longest, and frees it when it ends.
     */
    static double longestIdlePlace(List<Call> calls, int places) {
        List<Call> byStart = calls.stream().sorted(Comparator.comparingDouble(Call::startMs)).toList();
        PriorityQueue<Double> freeSince = new PriorityQueue<>();
        for (int i = 0; i < places; i++) {
            freeSince.add(byStart.getFirst().startMs());
        }
        double longest = 0;
        for (Call call : byStart) {
            Double free = freeSince.poll();
            if (free != null) {
                longest = Math.max(longest, call.startMs() - free);
            }
            freeSince.add(call.ended() ? call.endMs() : Double.POSITIVE_INFINITY);
        }
        return longest;
    }
}
