package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/**
 * Mutant (adaptive): sends at once only when the gap between arrivals exceeds the whole max wait,
 * not when the next item is due after the batch's deadline; with gaps a little under the max
 * wait, a batch's second item waits out the deadline for nothing.
 */
public class ComparesGapWithMaxWaitBatcher<T> extends PaceAwareMutantBatcher<T> {

    public ComparesGapWithMaxWaitBatcher(int maxBatchSize, Duration maxWait) {
        super(maxBatchSize, maxWait);
    }

    @Override
    protected boolean nextComesTooLate(long now) {
        return gap() > timeout.toNanos();
    }
}
