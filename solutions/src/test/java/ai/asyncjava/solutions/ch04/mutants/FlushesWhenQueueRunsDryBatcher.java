package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;

/** Mutant: sends what it holds whenever the input queue is empty for a moment, so batches stay tiny. */
public class FlushesWhenQueueRunsDryBatcher<T> extends MutantBatcher<T> {

    public FlushesWhenQueueRunsDryBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected Message<T> next() throws InterruptedException {
        Message<T> waiting = input.poll();
        if (waiting != null) {
            return waiting;
        }
        return batch.isEmpty() ? input.take() : null; // "nothing waiting, so send now"
    }
}
