package ai.asyncjava.solutions.ch02.mutants;

/** Mutant: refills without the cap, so an idle bucket saves up more than its capacity. */
public class UncappedBucket extends BucketMutant {

    public UncappedBucket(int capacity, double tokensPerSecond) {
        super(capacity, tokensPerSecond);
    }

    @Override
    public void acquire() throws InterruptedException {
        sleepUntilATokenIsTaken();
    }

    @Override
    protected void refill(long now) {
        tokens = tokens + (now - refilledAt) * tokensPerNano;
        refilledAt = now;
    }
}
