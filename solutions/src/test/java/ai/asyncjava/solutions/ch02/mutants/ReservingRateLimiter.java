package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: books each request a future send time and sleeps until it; an interrupted waiter keeps its booking. */
public class ReservingRateLimiter extends WindowMutant {

    public ReservingRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void acquire() throws InterruptedException {
        long sendAt;
        lock.lock();
        try {
            long now = System.nanoTime();
            forgetSendsBefore(now - intervalNanos);
            // Booked send times can lie in the future; the one limit places back decides when this one may go.
            sendAt = sendTimes.size() < limit ? now : Math.max(now, sendTimes.toArray(Long[]::new)[sendTimes.size() - limit] + intervalNanos);
            sendTimes.addLast(sendAt);
        } finally {
            lock.unlock();
        }
        long waitNanos = sendAt - System.nanoTime();
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
