package ai.asyncjava.solutions.ch02.mutants;

import java.util.concurrent.TimeUnit;

/** Mutant: catches InterruptedException around its sleep and keeps waiting. */
public class SwallowsInterruptBucket extends BucketMutant {

    public SwallowsInterruptBucket(int capacity, double tokensPerSecond) {
        super(capacity, tokensPerSecond);
    }

    @Override
    public void acquire() throws InterruptedException {
        long waitNanos;
        while ((waitNanos = takeTokenOrTimeToWait()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                // try again
            }
        }
    }
}
