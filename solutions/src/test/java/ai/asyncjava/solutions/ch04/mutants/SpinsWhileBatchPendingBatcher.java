package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: waits in take() for a batch's first item, then loops on poll(0, ...) until the deadline. */
public class SpinsWhileBatchPendingBatcher<T> extends MutantBatcher<T> {

    public SpinsWhileBatchPendingBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected Message<T> next() throws InterruptedException {
        if (batch.isEmpty()) {
            return input.take();
        }
        while (System.nanoTime() < deadline) {
            Message<T> message = input.poll(0, TimeUnit.MILLISECONDS);
            if (message != null) {
                return message;
            }
        }
        return null;
    }
}
