package ai.asyncjava.kit.checks.ch00;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Tolerances.Ch00;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch00.FirstAnswers;
import ai.asyncjava.kit.exercises.ch00.RecordingService;
import ai.asyncjava.kit.exercises.ch00.RecordingService.Call;
import ai.asyncjava.kit.exercises.ch00.RecordingService.Outcome;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The hidden checks of chapter 00's going-further exercise, {@link FirstAnswers}. */
@HiddenChecks(secondsPerCheck = 3)
class FirstAnswersChecks {

    /** How long the checks wait for firstAnswers to return at all (times the slowdown factor). */
    private static final Duration RETURN_LIMIT = Duration.ofMillis(2500);

    /** Two quick calls and three slow ones: two answers are wanted, so the slow calls are not needed. */
    private static final Map<String, Duration> QUICK_AND_SLOW = Map.of(
            "quick 1", Duration.ofMillis(100), "quick 2", Duration.ofMillis(200),
            "slow 1", Duration.ofMillis(1500), "slow 2", Duration.ofMillis(1500), "slow 3", Duration.ofMillis(1500));

    @Test
    @Order(1)
    @DisplayName("returns the first answers to arrive, in the order they arrived")
    void firstToArrive(Supplier<? extends FirstAnswers> newFirstAnswers) throws Exception {
        List<String> requests = List.of("r1", "r2", "r3", "r4", "r5", "r6");
        Map<String, Duration> delays = Map.of("r1", Duration.ofMillis(600), "r2", Duration.ofMillis(100),
                "r3", Duration.ofMillis(500), "r4", Duration.ofMillis(200), "r5", Duration.ofMillis(400),
                "r6", Duration.ofMillis(300));
        RecordingService service = new RecordingService(delays::get, Set.of());
        int wanted = 3;

        List<String> answers = answersOf(firstAnswers(newFirstAnswers, service, requests, wanted), wanted);

        List<Call> answered = service.calls().stream().filter(call -> call.outcome() == Outcome.ANSWERED)
                .sorted(Comparator.comparingDouble(Call::endMs)).toList();
        List<String> arrived = answered.stream().map(call -> RecordingService.answerTo(call.request())).toList();
        List<String> expected = arrived.subList(0, Math.min(wanted, arrived.size()));
        if (answers.equals(expected)) {
            return;
        }
        if (answered.size() < wanted) {
            fail("firstAnswers returned " + answers + ", but only " + answered.size() + " calls had answered by then.");
        }
        double lastNeeded = answered.get(wanted - 1).endMs();
        double previous = Double.NEGATIVE_INFINITY;
        for (String answer : answers) {
            Optional<Call> call = answered.stream()
                    .filter(c -> RecordingService.answerTo(c.request()).equals(answer)).findFirst();
            if (call.isEmpty() || call.get().endMs() > lastNeeded + Ch00.SAME_MOMENT.millis()) {
                fail("firstAnswers returned " + answers + ", but the first " + wanted + " answers to arrive were "
                        + expected + ". Take the calls in the order they finish, for example from an "
                        + "ExecutorCompletionService, not in the order you started them.");
            }
            if (call.get().endMs() < previous - Ch00.SAME_MOMENT.millis()) {
                fail("firstAnswers returned the right answers in the wrong order: " + answers + "; they arrived in "
                        + "the order " + expected + ".");
            }
            previous = call.get().endMs();
        }
    }

    @Test
    @Order(2)
    @DisplayName("returns as soon as it has enough answers")
    void returnsEarly(Supplier<? extends FirstAnswers> newFirstAnswers) throws Exception {
        RecordingService service = new RecordingService(QUICK_AND_SLOW::get, Set.of());

        LearnerCall.Ended<List<String>> ended = firstAnswers(newFirstAnswers, service, quickAndSlow(), 2);

        answersOf(ended, 2);
        double secondAnswer = service.callsFor("quick 2").getFirst().endMs();
        double lag = service.millisAt(ended.endNanos()) - secondAnswer;
        if (lag > Ch00.LATENESS.millis()) {
            fail("firstAnswers returned " + Wording.millis(lag) + " after the second answer came, although 2 answers were "
                    + "all it wanted (allowed: " + Wording.duration(Ch00.LATENESS.get()) + "). Return as soon as you have "
                    + "them; do not wait for the slower calls.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("stops the calls it no longer needs")
    void stopsTheRest(Supplier<? extends FirstAnswers> newFirstAnswers) throws Exception {
        RecordingService service = new RecordingService(QUICK_AND_SLOW::get, Set.of());

        firstAnswers(newFirstAnswers, service, quickAndSlow(), 2);

        List<Call> slowCalls = service.callsOnceEnded(Ch00.CALL_END_GRACE.get()).stream()
                .filter(call -> call.request().startsWith("slow")).toList();
        long running = slowCalls.stream().filter(call -> !call.ended()).count();
        if (running > 0) {
            fail("firstAnswers returned, but " + running + " calls it no longer needed were still running "
                    + Wording.duration(Ch00.CALL_END_GRACE.get()) + " later. Interrupt them before you return: cancel(true) on their "
                    + "futures, or shutdownNow() on the executor.");
        }
        long ranToTheEnd = slowCalls.stream().filter(call -> call.outcome() != Outcome.INTERRUPTED).count();
        if (ranToTheEnd > 0) {
            fail(ranToTheEnd + " slow calls were not stopped: they ran to their end (1.5 s), although only the first 2 "
                    + "answers were wanted. Interrupt the calls you no longer need: cancel(true) on their futures, "
                    + "or shutdownNow() on the executor.");
        }
    }

    @Test
    @Order(4)
    @DisplayName("skips a failed call and takes the next answer")
    void skipsFailures(Supplier<? extends FirstAnswers> newFirstAnswers) throws Exception {
        List<String> requests = List.of("boom", "a", "b", "c");
        Map<String, Duration> delays = Map.of("boom", Duration.ofMillis(50), "a", Duration.ofMillis(200),
                "b", Duration.ofMillis(350), "c", Duration.ofMillis(1200));
        RecordingService service = new RecordingService(delays::get, Set.of("boom"));

        LearnerCall.Ended<List<String>> ended = firstAnswers(newFirstAnswers, service, requests, 2);

        if (ended.threw()) {
            fail("firstAnswers threw " + Wording.exception(ended.thrown()) + " as soon as one call failed, although "
                    + "the other calls could still answer. Skip a failed call and wait for the next answer.");
        }
        List<String> expected = List.of(RecordingService.answerTo("a"), RecordingService.answerTo("b"));
        List<String> answers = answersOf(ended, 2);
        if (!answers.equals(expected)) {
            fail("With the call for \"boom\" failing first, the first 2 answers were " + expected + ", but firstAnswers "
                    + "returned " + answers + ".");
        }
    }

    @Test
    @Order(5)
    @DisplayName("fails, instead of waiting for ever, when too many calls fail")
    void tooManyFailures(Supplier<? extends FirstAnswers> newFirstAnswers) throws Exception {
        List<String> requests = List.of("boom 1", "boom 2", "ok");
        Map<String, Duration> delays = Map.of(
                "boom 1", Duration.ofMillis(50), "boom 2", Duration.ofMillis(80), "ok", Duration.ofMillis(120));
        RecordingService service = new RecordingService(delays::get, Set.of("boom 1", "boom 2"));
        FirstAnswers firstAnswers = newFirstAnswers.get();
        Duration limit = Tolerances.scaled(Duration.ofMillis(1200));

        Optional<LearnerCall.Ended<List<String>>> ended =
                LearnerCall.runWithin(limit, () -> firstAnswers.firstAnswers(service, requests, 2));

        if (ended.isEmpty()) {
            fail("2 of the 3 calls failed, so only 1 answer could ever come for the 2 wanted, and firstAnswers was "
                    + "still waiting " + Wording.duration(limit) + " later. Once every call has ended, stop waiting and "
                    + "throw a failure.");
        }
        if (service.callCount() == 0) {
            fail("firstAnswers never called the service.");
        }
        if (!ended.get().threw()) {
            fail("2 of the 3 calls failed, so only 1 answer could come for the 2 wanted, yet firstAnswers returned "
                    + ended.get().value() + ". Throw the failure instead.");
        }
        if (!Wording.causedBy(ended.get().thrown(), RecordingService.ServiceFailure.class)) {
            fail("firstAnswers threw " + Wording.exception(ended.get().thrown()) + ", which does not carry the "
                    + "calls' failures. Throw one of them, or wrap it as the cause of yours.");
        }
    }

    private static List<String> quickAndSlow() {
        return List.of("slow 1", "quick 1", "slow 2", "quick 2", "slow 3");
    }

    /** Runs firstAnswers on its own thread; fails when it does not return or never calls the service. */
    private static LearnerCall.Ended<List<String>> firstAnswers(Supplier<? extends FirstAnswers> newFirstAnswers,
            RecordingService service, List<String> requests, int wanted) throws InterruptedException {
        FirstAnswers firstAnswers = newFirstAnswers.get();
        Optional<LearnerCall.Ended<List<String>>> ended =
                LearnerCall.runWithin(Tolerances.scaled(RETURN_LIMIT), () -> firstAnswers.firstAnswers(service, requests, wanted));
        if (ended.isEmpty()) {
            fail("firstAnswers did not return within " + Wording.duration(Tolerances.scaled(RETURN_LIMIT)) + " for " + requests.size()
                    + " requests and " + wanted + " wanted answers.");
        }
        if (service.callCount() == 0) {
            fail("firstAnswers never called the service.");
        }
        return ended.get();
    }

    /** The answers firstAnswers returned; fails when it threw or returned the wrong number of them. */
    private static List<String> answersOf(LearnerCall.Ended<List<String>> ended, int wanted) {
        if (ended.threw()) {
            fail("firstAnswers threw " + Wording.exception(ended.thrown()) + ", although every call answered.");
        }
        List<String> answers = ended.value();
        if (answers == null) {
            fail("firstAnswers returned null; return a list of the answers.");
        }
        if (answers.size() != wanted) {
            fail("firstAnswers returned " + answers.size() + " answers; " + wanted + " were wanted.");
        }
        return answers;
    }
}
