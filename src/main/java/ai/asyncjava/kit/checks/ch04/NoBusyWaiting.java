package ai.asyncjava.kit.checks.ch04;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import java.util.List;

/**
 * The rule that a stage waiting for input uses no processor time: measured in the quiet
 * pauses of an {@link ArrivalScript} (or any window in which nothing arrives and nothing is due).
 */
final class NoBusyWaiting {

    private NoBusyWaiting() {}

    /**
     * Fails on the first reading over {@link Tolerances.Ch04#CPU_WHILE_WAITING}.
     *
     * @param who    what waited, "the batcher"
     * @param advice how to wait instead, in the exercise's terms
     */
    static void require(List<ArrivalScript.CpuReading> readings, String who, String advice) {
        for (ArrivalScript.CpuReading reading : readings) {
            if (reading.usedNanos() > Tolerances.Ch04.CPU_WHILE_WAITING.nanos()) {
                fail("While " + who + " waited " + reading.situation() + ", for "
                        + Wording.duration(ArrivalScript.CPU_WINDOW) + ", the program used "
                        + Wording.millis(reading.usedNanos() / 1e6) + " of processor time (the check allows "
                        + Wording.duration(Tolerances.Ch04.CPU_WHILE_WAITING.get()) + "). Something checks "
                        + "for input in a loop instead of waiting for it. " + advice);
            }
        }
    }
}
