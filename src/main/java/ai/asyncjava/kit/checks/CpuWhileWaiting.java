package ai.asyncjava.kit.checks;

import java.time.Duration;

/**
 * The busy-waiting probe: while the learner's code has threads (or futures) waiting for
 * something that will not come for a long while, how much processor time do the JVM's Java
 * threads use? Waiting that sleeps, parks or blocks uses next to none; a loop that checks again
 * and again uses a core. The check sets its scene (N waiters), then calls {@link #measure}.
 *
 * @param used   the processor time all Java threads but the check's own used in the window
 * @param window how long it measured
 */
public record CpuWhileWaiting(Duration used, Duration window) {

    /** How long the waiters get to settle into their wait before the measuring starts. */
    private static final Duration SETTLE = Duration.ofMillis(150);

    /** Lets the waiters settle, then measures the processor time used over {@code window}. */
    public static CpuWhileWaiting measure(Duration window) throws InterruptedException {
        Thread.sleep(Tolerances.scaled(SETTLE));
        ThreadCpu cpu = ThreadCpu.start();
        Thread.sleep(window);
        return new CpuWhileWaiting(Duration.ofNanos(cpu.usedNanos()), window);
    }

    /** True when more processor time was used than {@code allowed}. */
    public boolean exceeds(Tolerances.Allowance allowed) {
        return used.compareTo(allowed.get()) > 0;
    }

    /** "the program's threads used 312 ms of processor time in 600 ms; the check allows 60 ms". */
    public String describe(Tolerances.Allowance allowed) {
        return "the program's threads used " + Wording.duration(used) + " of processor time in "
                + Wording.duration(window) + "; the check allows " + Wording.duration(allowed.get());
    }
}
