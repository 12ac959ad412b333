package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;

/** Mutant: spins on Thread.onSpinWait() until there is room (it does stop when interrupted). */
public class SpinningRateLimiter extends WindowMutant {

    public SpinningRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void acquire() throws InterruptedException {
        while (takeSlotOrTimeToWait() > 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.onSpinWait();
        }
    }
}
