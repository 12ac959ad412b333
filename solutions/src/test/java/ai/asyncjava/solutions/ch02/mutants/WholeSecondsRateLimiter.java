package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: keeps the interval in whole seconds ({@code toSeconds()}), so 250 ms becomes no window at all. */
public class WholeSecondsRateLimiter extends WindowMutant {

    public WholeSecondsRateLimiter(int limit, Duration interval) {
        super(limit, Duration.ofSeconds(interval.toSeconds()));
    }

    @Override
    public void acquire() throws InterruptedException {
        long waitNanos;
        while ((waitNanos = takeSlotOrTimeToWait()) > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
