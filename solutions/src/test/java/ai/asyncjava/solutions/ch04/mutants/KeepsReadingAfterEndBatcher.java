package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/** Mutant: passes the end marker on but goes back to reading the input, so run() never returns. */
public class KeepsReadingAfterEndBatcher<T> extends MutantBatcher<T> {

    public KeepsReadingAfterEndBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected boolean onEnd() throws InterruptedException {
        super.onEnd();
        return false;
    }
}
