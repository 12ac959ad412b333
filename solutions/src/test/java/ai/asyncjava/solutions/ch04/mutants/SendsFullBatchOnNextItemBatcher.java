package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/** Mutant: checks for a full batch before adding an item, so a full batch waits for the next item or the timeout. */
public class SendsFullBatchOnNextItemBatcher<T> extends MutantBatcher<T> {

    public SendsFullBatchOnNextItemBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected void onItem(T item) throws InterruptedException {
        if (batch.size() == batchSize) {
            send();
        }
        if (batch.isEmpty()) {
            deadline = System.nanoTime() + timeout.toNanos();
        }
        batch.add(item);
    }
}
