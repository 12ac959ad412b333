package ai.asyncjava.kit.checks;

import java.time.Duration;

/**
 * The busy-waiting probe: how much processor time the program's threads use while the check
 * sleeps through a window in which the learner's code has nothing to do but wait (no input
 * arrives, no deadline is due). A thread that waits in {@code take()}, {@code poll(timeout)} or
 * {@code sleep} uses next to none; one that loops on {@code poll()} uses a whole core. The
 * allowance to compare with belongs to the chapter (see {@link Tolerances}).
 *
 * <pre>{@code
 * long used = CpuWhileWaiting.cpuNanosWhile(Duration.ofMillis(400));
 * if (used > Tolerances.Ch04.CPU_WHILE_WAITING.nanos()) { fail(...); }
 * }</pre>
 */
public final class CpuWhileWaiting {

    private CpuWhileWaiting() {}

    /**
     * Sleeps for {@code window} on the calling thread and returns the processor time, in ns, that
     * the JVM's other Java threads used meanwhile (see {@link ThreadCpu}); 0 when this JVM cannot
     * tell, so that no check fails for want of a probe.
     */
    public static long cpuNanosWhile(Duration window) throws InterruptedException {
        if (!ThreadCpu.supported()) {
            Thread.sleep(window);
            return 0;
        }
        ThreadCpu cpu = ThreadCpu.start();
        Thread.sleep(window);
        return cpu.usedNanos();
    }
}
