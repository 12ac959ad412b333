package ai.asyncjava.kit.checks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a notebook's try-it code (nine requests through your limiter, a hundred texts through
 * your pipeline) with a time limit, so that a bug such as a missing {@code unlock()} stops the
 * cell after a few seconds, saying where the threads wait, instead of leaving it running forever.
 *
 * <pre>{@code
 * TryIt.within(Duration.ofSeconds(5), () -> {
 *     try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
 *         ...
 *     }
 * });
 * }</pre>
 *
 * <p>When the time is up, the code is interrupted: an executor closed in try-with-resources then
 * interrupts its tasks, so threads blocked in {@code acquire()} or {@code take()} end with it.
 */
public final class TryIt {

    /** Try-it code: any statements, which may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private TryIt() {}

    /**
     * Runs {@code body} and waits at most {@code limit} (scaled by the checks' slowdown factor).
     * What the body throws is thrown on; when it does not finish in time, this throws an
     * {@link IllegalStateException} that says where the code's threads were waiting.
     */
    public static void within(Duration limit, Body body) throws Exception {
        Duration scaled = Tolerances.scaled(limit);
        Set<Long> threadsBefore = ThreadDump.ids(); // so that only the threads this code starts are described
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                failure.set(e);
            }
        }, "try-it");
        // An endless loop that ignores interrupts must not keep the kernel from exiting.
        runner.setDaemon(true);
        runner.start();
        try {
            runner.join(scaled);
        } catch (InterruptedException e) {
            runner.interrupt(); // the cell was interrupted (Kernel > Interrupt): stop the code too
            throw e;
        }
        if (runner.isAlive()) {
            throw stopped(runner, scaled, threadsBefore);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static IllegalStateException stopped(Thread runner, Duration limit, Set<Long> threadsBefore)
            throws InterruptedException {
        List<StackTraceElement[]> stacks = ThreadDump.startedSince(threadsBefore).stream()
                .map(ThreadDump.DumpedThread::stack).toList();
        if (stacks.isEmpty()) {
            stacks = List.<StackTraceElement[]>of(runner.getStackTrace());
        }
        String where = StuckThreads.describeStacks(stacks);
        String hint = StuckThreads.hintForStacks(stacks) + lockHint(stacks);
        runner.interrupt();
        runner.join(Tolerances.STOP_AFTER_INTERRUPT.get());
        String ending = runner.isAlive()
                ? " It did not stop when interrupted, so it keeps running in the background: fix the code, "
                        + "then restart the kernel (Kernel > Restart) before you run it again."
                : " It was stopped.";
        return new IllegalStateException("Not finished after " + Wording.seconds(limit) + ". Still waiting: "
                + where + "." + hint + ending);
    }

    /** A hint for threads that wait for a lock: the usual cause is an unlock() that some path skips. */
    private static String lockHint(List<StackTraceElement[]> stacks) {
        boolean waitsForLock = stacks.stream().anyMatch(stack -> Arrays.stream(stack).limit(12)
                .anyMatch(frame -> frame.getMethodName().equals("lock")
                        && frame.getClassName().startsWith("java.util.concurrent.locks.")));
        return waitsForLock
                ? " Threads waiting in lock() wait for a thread that never unlocked: call unlock() in a finally "
                        + "block, on every path, and never sleep while you hold the lock."
                : "";
    }
}
