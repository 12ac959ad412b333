package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: when the window is full, sleeps a whole interval instead of until the oldest request leaves. */
public class SleepsWholeIntervalRateLimiter extends WindowMutant {

    public SleepsWholeIntervalRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void acquire() throws InterruptedException {
        while (takeSlotOrTimeToWait() > 0) {
            TimeUnit.NANOSECONDS.sleep(intervalNanos);
        }
    }
}
