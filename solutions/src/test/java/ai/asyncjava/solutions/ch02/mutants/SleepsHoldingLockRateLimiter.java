package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: sleeps while holding the lock, so the other waiters queue on lock() and cannot be interrupted. */
public class SleepsHoldingLockRateLimiter extends WindowMutant {

    public SleepsHoldingLockRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void acquire() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                forgetSendsBefore(now - intervalNanos);
                if (sendTimes.size() < limit) {
                    sendTimes.addLast(now);
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(sendTimes.peekFirst() + intervalNanos - now);
            }
        } finally {
            lock.unlock();
        }
    }
}
