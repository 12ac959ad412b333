package ai.asyncjava.kit.checks.ch00;

import ai.asyncjava.kit.checks.LearnerThreads;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The slow service the fan-out checks hand to the learner's code. It answers every request
 * after a delay chosen per request, fails the requests it was told to fail, and records what
 * it saw from its own side: how many calls there were and how many were in flight at once.
 * Measuring here, not with a stopwatch around the learner's code, keeps the checks exact on
 * a slow or busy machine.
 */
final class RecordingService implements SlowService {

    /** What a failing call throws, so a check can recognise it in the learner's exception. */
    static final class ServiceFailure extends Exception {
        ServiceFailure(String request) {
            super("the service failed on request \"" + request + "\"");
        }
    }

    private final Function<String, Duration> delayOf;
    private final Set<String> failingRequests;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    RecordingService(Function<String, Duration> delayOf, Set<String> failingRequests) {
        this.delayOf = delayOf;
        this.failingRequests = Set.copyOf(failingRequests);
    }

    RecordingService(Duration delay) {
        this(request -> delay, Set.of());
    }

    /** The answer this service gives to {@code request}. */
    static String answerTo(String request) {
        return "answer to " + request;
    }

    @Override
    public String call(String request) throws Exception {
        LearnerThreads.noteCurrentThread();
        calls.incrementAndGet();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(delayOf.apply(request));
            if (failingRequests.contains(request)) {
                throw new ServiceFailure(request);
            }
            return answerTo(request);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    int calls() {
        return calls.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    int mostInFlight() {
        return mostInFlight.get();
    }
}
