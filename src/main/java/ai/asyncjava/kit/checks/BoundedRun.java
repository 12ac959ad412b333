package ai.asyncjava.kit.checks;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one call into the learner's code (a pipeline's {@code run}, a fan-out's {@code askAll})
 * on a thread the check owns, for at most a given time, so the check can judge what happened
 * even when the call never returns.
 *
 * <p>The caller is a platform thread of the check's own thread group: pools that the learner's
 * code starts from it count as the learner's, and the harness finds them when they are left
 * behind. When the call overruns, every learner thread is described where it waits, then
 * interrupted.
 */
public final class BoundedRun {

    private BoundedRun() {}

    /**
     * What one bounded call did.
     *
     * @param what    the call in the learner's terms, "run()" or "askAll(...)"
     * @param limit   how long it was given
     * @param result  what it returned (null when it threw or did not return)
     * @param failure what it threw, or null
     * @param took    how long it ran, up to the limit
     * @param stuck   where the learner's threads waited when the limit ran out, or null when it returned
     */
    public record Outcome<R>(String what, Duration limit, R result, Throwable failure, Duration took, String stuck) {

        public boolean returned() {
            return stuck == null;
        }

        /** Fails the check, saying where the learner's threads waited, unless the call returned or threw. */
        public Outcome<R> requireReturned() {
            if (stuck != null) {
                fail(what + " did not return within " + Wording.seconds(limit) + ". Still waiting: " + stuck);
            }
            return this;
        }

        /** The result; fails the check when the call did not return, rethrows what it threw. */
        public R resultOrRethrow() throws Exception {
            requireReturned();
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }

    /** A call into learner code that returns a value. */
    @FunctionalInterface
    public interface Call<R> {
        R call() throws Exception;
    }

    /**
     * Calls {@code call} on a new caller thread and waits at most {@code limit} (scaled by the
     * slowdown factor). It never fails by itself: the outcome says what happened.
     */
    public static <R> Outcome<R> call(String what, Duration limit, Call<R> call) throws InterruptedException {
        return call(what, limit, call, caller -> { });
    }

    /** What the check's own thread does while the learner's call runs, such as measuring or cancelling it. */
    @FunctionalInterface
    public interface Meanwhile {
        /** Runs on the check's thread; {@code caller} is the thread in the learner's call (interrupt it to cancel). */
        void during(Thread caller) throws InterruptedException;
    }

    /**
     * {@link #call}, while the check's thread does {@code meanwhile}: the limit counts from the
     * start of the call, {@code meanwhile}'s time included.
     */
    public static <R> Outcome<R> call(String what, Duration limit, Call<R> call, Meanwhile meanwhile)
            throws InterruptedException {
        Duration scaledLimit = Tolerances.scaled(limit);
        AtomicReference<R> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();
        Thread caller = new Thread(() -> {
            LearnerThreads.noteCurrentThread();
            try {
                result.set(call.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "check's caller of " + what);
        // A caller stuck in learner code must not keep the JVM (a runner or grader) alive.
        caller.setDaemon(true);
        caller.start();
        meanwhile.during(caller);
        caller.join(Math.max(1, scaledLimit.minusNanos(System.nanoTime() - started).toMillis()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!caller.isAlive()) {
            return new Outcome<>(what, scaledLimit, result.get(), failure.get(), took, null);
        }
        Set<Thread> learners = new LinkedHashSet<>();
        learners.add(caller);
        learners.addAll(LearnerThreads.ofRunningCheck());
        String stuck = StuckThreads.describe(learners) + "." + StuckThreads.hint(learners);
        learners.forEach(Thread::interrupt);
        caller.join(Tolerances.STOP_AFTER_INTERRUPT.get());
        return new Outcome<>(what, scaledLimit, null, failure.get(), took, stuck);
    }
}
