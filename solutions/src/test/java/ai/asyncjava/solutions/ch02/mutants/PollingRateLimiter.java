package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;

/** Mutant: polls: checks for room every millisecond instead of sleeping until the oldest request leaves. */
public class PollingRateLimiter extends WindowMutant {

    public PollingRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void acquire() throws InterruptedException {
        while (takeSlotOrTimeToWait() > 0) {
            Thread.sleep(1);
        }
    }
}
