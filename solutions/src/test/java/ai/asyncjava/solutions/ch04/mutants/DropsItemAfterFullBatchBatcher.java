package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/** Mutant: notices a full batch only when the next item is taken, sends the batch and forgets that item. */
public class DropsItemAfterFullBatchBatcher<T> extends MutantBatcher<T> {

    public DropsItemAfterFullBatchBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected void onItem(T item) throws InterruptedException {
        if (batch.size() == batchSize) {
            send();
            return;
        }
        if (batch.isEmpty()) {
            deadline = System.nanoTime() + timeout.toNanos();
        }
        batch.add(item);
    }
}
