package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: when the window is full, waits until the newest request leaves it (the whole window empties), not the oldest. */
public class WaitsForNewestToLeaveRateLimiter extends WindowMutant {

    public WaitsForNewestToLeaveRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    protected long timeUntilRoom(long now) {
        return sendTimes.peekLast() + intervalNanos - now;
    }

    @Override
    public void acquire() throws InterruptedException {
        long waitNanos;
        while ((waitNanos = takeSlotOrTimeToWait()) > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
