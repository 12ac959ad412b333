package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: lets limit + 1 requests into the window (`<=` for `<`). */
public class OffByOneRateLimiter extends WindowMutant {

    public OffByOneRateLimiter(int limit, Duration interval) {
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
                if (sendTimes.size() <= limit) {
                    sendTimes.addLast(now);
                    return;
                }
                waitNanos = sendTimes.peekFirst() + intervalNanos - now;
            } finally {
                lock.unlock();
            }
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
