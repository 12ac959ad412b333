package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/** Mutant: sends a batch once it holds more than the batch size, so full batches carry one item too many. */
public class OffByOneBatcher<T> extends MutantBatcher<T> {

    public OffByOneBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected void onItem(T item) throws InterruptedException {
        if (batch.isEmpty()) {
            deadline = System.nanoTime() + timeout.toNanos();
        }
        batch.add(item);
        if (batch.size() > batchSize) {
            send();
        }
    }
}
