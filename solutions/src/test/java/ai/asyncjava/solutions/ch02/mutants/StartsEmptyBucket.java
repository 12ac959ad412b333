package ai.asyncjava.solutions.ch02.mutants;

/** Mutant: a new bucket starts with no tokens, so there is no first burst. */
public class StartsEmptyBucket extends BucketMutant {

    public StartsEmptyBucket(int capacity, double tokensPerSecond) {
        super(capacity, tokensPerSecond);
        tokens = 0;
    }

    @Override
    public void acquire() throws InterruptedException {
        sleepUntilATokenIsTaken();
    }
}
