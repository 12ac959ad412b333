package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: records when a request asked, not when it was let through, so a waiter's slot expires early. */
public class RecordsArrivalTimeRateLimiter extends WindowMutant {

    public RecordsArrivalTimeRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void acquire() throws InterruptedException {
        long asked = System.nanoTime();
        while (true) {
            long waitNanos;
            lock.lock();
            try {
                long now = System.nanoTime();
                forgetSendsBefore(now - intervalNanos);
                if (sendTimes.size() < limit) {
                    sendTimes.addLast(asked);
                    return;
                }
                waitNanos = sendTimes.peekFirst() + intervalNanos - now;
            } finally {
                lock.unlock();
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(1, waitNanos));
        }
    }
}
