package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: after sleeping, takes a slot without checking again, so all sleepers go at once. */
public class NoRecheckRateLimiter extends WindowMutant {

    public NoRecheckRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void acquire() throws InterruptedException {
        long waitNanos = takeSlotOrTimeToWait();
        if (waitNanos == 0) {
            return;
        }
        TimeUnit.NANOSECONDS.sleep(waitNanos);
        lock.lock();
        try {
            sendTimes.addLast(System.nanoTime());
        } finally {
            lock.unlock();
        }
    }
}
