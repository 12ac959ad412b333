package ai.asyncjava.kit.checks.ch04;

import ai.asyncjava.kit.checks.LearnerThreads;
import ai.asyncjava.kit.checks.StuckThreads;
import java.time.Duration;

/**
 * One of the learner's stages, running on a virtual thread of its own while the check feeds
 * its input and watches its output. The thread is noted as the learner's, so the harness can
 * find it, and so can the check: it waits for the stage to end, stops it when it does not,
 * and hands on what it threw.
 */
final class StageThread {

    /** A stage's {@code run(...)} call. */
    interface Body {
        void run() throws Exception;
    }

    private final Thread thread;
    private volatile Throwable thrown;
    private volatile boolean stoppedByCheck;

    private StageThread(String name, Body body) {
        thread = Thread.ofVirtual().name(name).unstarted(() -> {
            LearnerThreads.noteCurrentThread();
            try {
                body.run();
            } catch (Throwable t) {
                thrown = t;
            }
        });
    }

    static StageThread start(String name, Body body) {
        StageThread stage = new StageThread(name, body);
        stage.thread.start();
        return stage;
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    /** True when the stage ended by throwing something. */
    boolean died() {
        return !thread.isAlive() && thrown != null;
    }

    /** Waits until the stage's run() returns or {@code deadlineNanos} (a {@link System#nanoTime()}) passes. */
    boolean awaitEnd(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            thread.join(Duration.ofNanos(left));
        }
        return !thread.isAlive();
    }

    /**
     * Where the stage's thread, and every other thread of the learner's, waits: for a message
     * when the stage did not end in time. Call it before {@link #stop()}.
     */
    String whereStuck() {
        return StuckThreads.inRunningCheck(thread);
    }

    /** Interrupts a stage that is still running and gives it a moment to end. */
    void stop() throws InterruptedException {
        if (thread.isAlive()) {
            stoppedByCheck = true;
            thread.interrupt();
            thread.join(Duration.ofMillis(500));
        }
    }

    /**
     * Throws what the stage threw, so the report shows the learner's exception and where it
     * started; an interrupt the check itself caused is not the learner's failure.
     */
    void rethrowFailure() throws Throwable {
        Throwable failure = thrown;
        if (failure == null || stoppedByCheck && causedByInterrupt(failure)) {
            return;
        }
        throw failure;
    }

    private static boolean causedByInterrupt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
