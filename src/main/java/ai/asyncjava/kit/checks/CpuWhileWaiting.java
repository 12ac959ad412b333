package ai.asyncjava.kit.checks;

import java.time.Duration;

/**
 * The busy-waiting probe: how much processor time the program's Java threads use over a short
 * window in which the learner's threads should all be waiting (for a queue, a lock, a timer).
 * A thread that waits by blocking uses none; one that polls in a loop ({@code queue.poll()},
 * {@code poll(0, ...)}, a spin on a flag) uses a whole core, even on a busy machine a hundred
 * times the allowance. Measured with {@link ThreadCpu}, so the JIT and the garbage collector do
 * not count, nor does the check's own thread, which sleeps meanwhile.
 */
public final class CpuWhileWaiting {

    private CpuWhileWaiting() {}

    /**
     * What one window showed.
     *
     * @param window  how long it was measured
     * @param used    the processor time the Java threads used in it
     * @param allowed the most they may use (the allowance under the slowdown in force)
     */
    public record Reading(Duration window, Duration used, Duration allowed) {

        /** True when the threads used more than allowed: someone polls instead of waiting. */
        public boolean busy() {
            return used.compareTo(allowed) > 0;
        }

        /** "the program's threads used 380 ms of processor time in 400 ms (the check allows 60 ms)". */
        public String described() {
            return "the program's threads used " + Wording.duration(used) + " of processor time in "
                    + Wording.duration(window) + " (the check allows " + Wording.duration(allowed) + ")";
        }
    }

    /** True when this JVM can measure threads' processor time; where it cannot, a check skips the probe. */
    public static boolean supported() {
        return ThreadCpu.supported();
    }

    /** Measures the Java threads' processor time over the next {@code window}, on the calling thread, which sleeps. */
    public static Reading measure(Duration window, Tolerances.Allowance allowed) throws InterruptedException {
        ThreadCpu cpu = ThreadCpu.start();
        long started = System.nanoTime();
        Thread.sleep(window);
        long used = cpu.usedNanos();
        return new Reading(Duration.ofNanos(System.nanoTime() - started), Duration.ofNanos(used), allowed.get());
    }
}
