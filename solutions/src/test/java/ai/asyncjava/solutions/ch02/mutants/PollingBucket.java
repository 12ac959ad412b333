package ai.asyncjava.solutions.ch02.mutants;

/** Mutant: polls: checks for a token every millisecond instead of sleeping until one is due. */
public class PollingBucket extends BucketMutant {

    public PollingBucket(int capacity, double tokensPerSecond) {
        super(capacity, tokensPerSecond);
    }

    @Override
    public void acquire() throws InterruptedException {
        while (takeTokenOrTimeToWait() > 0) {
            Thread.sleep(1);
        }
    }
}
