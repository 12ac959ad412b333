package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/** Mutant (adaptive): "adapts" by never waiting at all, so every item goes out alone, even in a fast stream. */
public class SendsEachItemAtOnceBatcher<T> extends MutantBatcher<T> {

    public SendsEachItemAtOnceBatcher(int maxBatchSize, Duration maxWait) {
        super(maxBatchSize, maxWait);
    }

    @Override
    protected void onItem(T item) throws InterruptedException {
        batch.add(item);
        send();
    }
}
