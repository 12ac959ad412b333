package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: catches InterruptedException around its sleep and keeps waiting. */
public class SwallowsInterruptRateLimiter extends WindowMutant {

    public SwallowsInterruptRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void acquire() throws InterruptedException {
        long waitNanos;
        while ((waitNanos = takeSlotOrTimeToWait()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                // "cannot happen"
            }
        }
    }
}
