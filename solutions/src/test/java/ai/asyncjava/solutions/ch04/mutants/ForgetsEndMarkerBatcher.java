package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/** Mutant: sends its last batch and returns without passing the end marker on. */
public class ForgetsEndMarkerBatcher<T> extends MutantBatcher<T> {

    public ForgetsEndMarkerBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected boolean onEnd() throws InterruptedException {
        if (!batch.isEmpty()) {
            send();
        }
        return true;
    }
}
