package ai.asyncjava.kit.setup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a child process and everything it started, politely first. */
public final class ChildProcesses {

    private ChildProcesses() {}

    /**
     * Sends SIGTERM to {@code process} so it can shut down what it started (Jupyter stops
     * its kernels), waits, then kills whatever of the whole tree is still alive.
     */
    public static void stop(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            process.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
