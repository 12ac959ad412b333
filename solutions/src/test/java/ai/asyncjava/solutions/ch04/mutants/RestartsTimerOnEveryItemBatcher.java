package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: waits a whole timeout for every next item, so a steady trickle keeps a batch waiting far past the timeout. */
public class RestartsTimerOnEveryItemBatcher<T> extends MutantBatcher<T> {

    public RestartsTimerOnEveryItemBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected Message<T> next() throws InterruptedException {
        return batch.isEmpty() ? input.take() : input.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
