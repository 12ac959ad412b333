package ai.asyncjava.solutions.ch02.mutants;

import java.util.concurrent.TimeUnit;

/** Mutant: after sleeping, takes a token without checking again, so all sleepers go at once. */
public class NoRecheckBucket extends BucketMutant {

    public NoRecheckBucket(int capacity, double tokensPerSecond) {
        super(capacity, tokensPerSecond);
    }

    @Override
    public void acquire() throws InterruptedException {
        long waitNanos = takeTokenOrTimeToWait();
        if (waitNanos == 0) {
            return;
        }
        TimeUnit.NANOSECONDS.sleep(waitNanos);
        lock.lock();
        try {
            refill(System.nanoTime());
            tokens -= 1;
        } finally {
            lock.unlock();
        }
    }
}
