package ai.asyncjava.kit.checks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one check body on its own thread with a time limit, then makes sure the learner's
 * code left nothing running.
 *
 * <p>A check that overruns is interrupted together with every learner thread. Code that
 * ignores interrupts (a busy loop, a wait that cannot be interrupted) cannot be stopped at
 * all inside a JVM, so the check thread is a daemon that is abandoned, the run is marked
 * stuck, and the message says plainly that the kernel must be restarted.
 */
final class BoundedCheck {

    /** A check body; JUnit's invocations throw {@link Throwable}. */
    interface Body {
        void run() throws Throwable;
    }

    private BoundedCheck() {}

    static void run(Body body, Duration limit, CheckRun run) throws Throwable {
        ThreadGroup group = new ThreadGroup("learner code");
        LearnerThreads threads = LearnerThreads.begin(group);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread checkThread = new Thread(group, () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "course check");
        // A check thread stuck in learner code must not keep the JVM (a runner or grader) alive.
        checkThread.setDaemon(true);
        threads.setCheckThread(checkThread);
        try {
            checkThread.start();
            checkThread.join(limit);
            if (checkThread.isAlive()) {
                throw timedOut(limit, checkThread, threads, run);
            }
            List<Thread> leftovers = threads.aliveAfter(Tolerances.LEFTOVER_THREADS_GRACE.get());
            if (failure.get() != null) {
                threads.interruptAll(); // the failure says more than the leftovers would
                throw failure.get();
            }
            if (!leftovers.isEmpty()) {
                String where = StuckThreads.describe(leftovers);
                threads.interruptAll();
                throw new AssertionError("Your code returned but left " + Wording.count(leftovers.size(), "thread")
                        + " running: " + where + ". Wait for every thread you start before returning "
                        + "(join it, or close its executor with try-with-resources)." + httpClientHint(leftovers));
            }
        } finally {
            threads.end();
        }
    }

    /** An HttpClient starts threads of its own, which end only when it is closed. */
    private static String httpClientHint(List<Thread> leftovers) {
        return leftovers.stream().anyMatch(thread -> thread.getName().startsWith("HttpClient-"))
                ? " Threads named HttpClient-N-... belong to an HttpClient that was never closed: build it in "
                        + "try-with-resources (HttpClient is AutoCloseable since Java 21), so that it is closed when "
                        + "you are done with it."
                : "";
    }

    private static AssertionError timedOut(Duration limit, Thread checkThread, LearnerThreads threads, CheckRun run)
            throws InterruptedException {
        List<Thread> learnerThreads = threads.alive();
        learnerThreads.add(0, checkThread);
        String deadlock = Deadlocks.among(learnerThreads);
        Optional<String> frame = LearnerFrames.innermost(checkThread.getStackTrace());
        String where = frame.map(f -> " It was at " + f + ".").orElse("");
        Thread.State state = checkThread.getState();

        threads.interruptAll();
        checkThread.join(Tolerances.STOP_AFTER_INTERRUPT.get());

        StringBuilder message = new StringBuilder(CheckResult.OVERRAN + Wording.seconds(limit) + ".");
        if (!deadlock.isEmpty()) {
            message.append(' ').append(deadlock);
        } else {
            message.append(where);
        }
        if (!checkThread.isAlive()) {
            message.append(" It was stopped by an interrupt.");
            return new AssertionError(message.toString());
        }
        String kind = state == Thread.State.RUNNABLE
                ? "is busy in a loop that never ends, using a CPU core"
                : "is blocked and ignores interrupts";
        run.markStuck(frame.orElse("a place outside your code"));
        message.append(" Your code ").append(kind).append(", and Java cannot stop it from the outside: ")
                .append("it keeps running in the background. Restart the kernel (Kernel > Restart) ")
                .append("before you run more cells; the remaining checks were not run.");
        return new AssertionError(message.toString());
    }
}
