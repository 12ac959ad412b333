package ai.asyncjava.kit.checks.ch00;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.kit.exercises.ch00.FanOut;
import ai.asyncjava.kit.exercises.ch00.FirstAnswers;
import ai.asyncjava.kit.exercises.ch00.TimeoutCall;
import java.util.function.Supplier;

/**
 * The checks of chapter 00, one method per exercise. A notebook's check cell is one call,
 * left as the cell's last expression so the report shows:
 *
 * <pre>{@code Chapter00.checkFanOut(VirtualThreadFanOut::new)}</pre>
 */
public final class Chapter00 {

    /** Step 1: call a slow service for many requests at once. */
    public static final Exercise FAN_OUT =
            new Exercise("Step 1, FanOut: many slow calls at once", FanOutChecks.class);

    /** Step 2: many calls at once, but never more than a bound, with a semaphore. */
    public static final Exercise BOUNDED_FAN_OUT =
            new Exercise("Step 2, BoundedFanOut: at most maxInFlight calls at once", BoundedFanOutChecks.class);

    /** Step 3: one call with a deadline, stopped when it misses it. */
    public static final Exercise TIMEOUT_CALL =
            new Exercise("Step 3, TimeoutCall: give up on a slow call, and stop it", TimeoutCallChecks.class);

    /** Going further: the first answers to arrive, the rest cancelled. */
    public static final Exercise FIRST_ANSWERS =
            new Exercise("Going further, FirstAnswers: take answers as they arrive", FirstAnswersChecks.class);

    private Chapter00() {}

    /** Checks a {@link FanOut}; {@code newFanOut} makes a fresh one for every check. */
    public static CheckReport checkFanOut(Supplier<? extends FanOut> newFanOut) {
        return FAN_OUT.check(newFanOut);
    }

    /** Checks a {@link BoundedFanOut}; {@code newFanOut} makes a fresh one for every check. */
    public static CheckReport checkBoundedFanOut(Supplier<? extends BoundedFanOut> newFanOut) {
        return BOUNDED_FAN_OUT.check(newFanOut);
    }

    /** Checks a {@link TimeoutCall}; {@code newTimeoutCall} makes a fresh one for every check. */
    public static CheckReport checkTimeoutCall(Supplier<? extends TimeoutCall> newTimeoutCall) {
        return TIMEOUT_CALL.check(newTimeoutCall);
    }

    /** Checks a {@link FirstAnswers}; {@code newFirstAnswers} makes a fresh one for every check. */
    public static CheckReport checkFirstAnswers(Supplier<? extends FirstAnswers> newFirstAnswers) {
        return FIRST_ANSWERS.check(newFirstAnswers);
    }
}
