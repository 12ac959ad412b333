package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;

/** Mutant: passes the end marker on at once, dropping the partial batch it still holds. */
public class LosesLastBatchBatcher<T> extends MutantBatcher<T> {

    public LosesLastBatchBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected boolean onEnd() throws InterruptedException {
        output.put(Message.end());
        return true;
    }
}
