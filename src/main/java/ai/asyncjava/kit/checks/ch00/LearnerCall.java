package ai.asyncjava.kit.checks.ch00;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One call into the learner's code, run on a thread of its own so that a check can time it
 * exactly and stop waiting for it. Code that never returns (a permit nobody gives back, a
 * wait for an answer that cannot come) then fails its check with a message that says what
 * it was waiting for, rather than running into the harness's time limit.
 *
 * <p>The thread is started from the check's thread, so the harness counts it as the
 * learner's: it interrupts it, with everything else the learner started, when the check ends.
 *
 * @param <T> what the learner's method returns
 */
final class LearnerCall<T> {

    /**
     * How the call ended: with a value or with an exception; {@code afterMs} after it began
     * (measured on the calling thread, right around the call), at {@link System#nanoTime()}
     * {@code endNanos}.
     */
    record Ended<T>(T value, Throwable thrown, double afterMs, long endNanos) {

        boolean threw() {
            return thrown != null;
        }
    }

    private final Thread thread;
    private volatile Ended<T> ended;

    private LearnerCall(Callable<T> learnerCode) {
        this.thread = new Thread(() -> run(learnerCode), "learner call");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts {@code learnerCode} and waits up to {@code limit} for it to end; when it has not,
     * interrupts it and returns empty.
     */
    static <T> Optional<Ended<T>> runWithin(Duration limit, Callable<T> learnerCode) throws InterruptedException {
        return new LearnerCall<>(learnerCode).awaitFor(limit);
    }

    private Optional<Ended<T>> awaitFor(Duration limit) throws InterruptedException {
        thread.join(limit);
        if (thread.isAlive()) {
            thread.interrupt();
            return Optional.empty();
        }
        return Optional.of(ended);
    }

    private void run(Callable<T> learnerCode) {
        long start = System.nanoTime();
        T value = null;
        Throwable thrown = null;
        try {
            value = learnerCode.call();
        } catch (Throwable t) {
            thrown = t;
        }
        long end = System.nanoTime();
        ended = new Ended<>(value, thrown, (end - start) / 1e6, end);
    }
}
