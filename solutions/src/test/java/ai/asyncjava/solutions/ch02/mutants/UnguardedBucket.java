package ai.asyncjava.solutions.ch02.mutants;

import java.util.concurrent.TimeUnit;

/** Mutant: no lock: the token count is shared by all threads unguarded. */
public class UnguardedBucket extends BucketMutant {

    public UnguardedBucket(int capacity, double tokensPerSecond) {
        super(capacity, tokensPerSecond);
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            refill(System.nanoTime());
            if (tokens >= 1) {
                tokens -= 1;
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano)));
        }
    }
}
