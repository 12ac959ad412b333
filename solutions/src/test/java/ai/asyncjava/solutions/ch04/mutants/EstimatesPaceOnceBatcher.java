package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/** Mutant (adaptive): measures the gap between the first two items and keeps that estimate for good. */
public class EstimatesPaceOnceBatcher<T> extends PaceAwareMutantBatcher<T> {

    private long firstGap = -1;

    public EstimatesPaceOnceBatcher(int maxBatchSize, Duration maxWait) {
        super(maxBatchSize, maxWait);
    }

    @Override
    protected long gap() {
        if (firstGap < 0) {
            firstGap = latestGap;
        }
        return firstGap;
    }
}
