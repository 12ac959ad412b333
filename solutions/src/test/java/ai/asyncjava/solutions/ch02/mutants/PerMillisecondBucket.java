package ai.asyncjava.solutions.ch02.mutants;

/** Mutant: refills the rate per millisecond instead of per second. */
public class PerMillisecondBucket extends BucketMutant {

    public PerMillisecondBucket(int capacity, double tokensPerSecond) {
        super(capacity, tokensPerSecond);
    }

    @Override
    public void acquire() throws InterruptedException {
        sleepUntilATokenIsTaken();
    }

    @Override
    protected void refill(long now) {
        double elapsedMillis = (now - refilledAt) / 1e6;
        tokens = Math.min(capacity, tokens + elapsedMillis * tokensPerNano * 1e9);
        refilledAt = now;
    }
}
