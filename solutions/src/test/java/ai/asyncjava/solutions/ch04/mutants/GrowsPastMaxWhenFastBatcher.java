package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/** Mutant (adaptive): "bigger batches when items come fast" taken too far: it doubles the batch size past the maximum. */
public class GrowsPastMaxWhenFastBatcher<T> extends PaceAwareMutantBatcher<T> {

    public GrowsPastMaxWhenFastBatcher(int maxBatchSize, Duration maxWait) {
        super(maxBatchSize, maxWait);
    }

    @Override
    protected int limit() {
        boolean fast = latestGap >= 0 && latestGap * batchSize * 2 < timeout.toNanos();
        return fast ? batchSize * 2 : batchSize;
    }
}
