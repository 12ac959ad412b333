package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: when the window is full, waits until the newest request leaves it (the whole window empties), not the oldest. */
public class WaitsForNewestToLeaveRateLimiter extends WindowMutant {

    public WaitsForNewestToLeaveRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            lock.lock();
            try {
                long now = System.nanoTime();
                forgetSendsBefore(now - intervalNanos);
                if (sendTimes.size() < limit) {
                    sendTimes.addLast(now);
                    return;
                }
                waitNanos = sendTimes.peekLast() + intervalNanos - now;
            } finally {
                lock.unlock();
            }
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
