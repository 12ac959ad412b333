package ai.asyncjava.solutions.ch02.mutants;

/** Mutant: counts the time since the last refill in whole seconds, so frequent calls never earn a token. */
public class WholeSecondsBucket extends BucketMutant {

    public WholeSecondsBucket(int capacity, double tokensPerSecond) {
        super(capacity, tokensPerSecond);
    }

    @Override
    public void acquire() throws InterruptedException {
        sleepUntilATokenIsTaken();
    }

    @Override
    protected void refill(long now) {
        long elapsedSeconds = (now - refilledAt) / 1_000_000_000L;
        tokens = Math.min(capacity, tokens + elapsedSeconds * tokensPerNano * 1e9);
        refilledAt = now;
    }
}
