package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;

/** Mutant: clears the list it just sent and fills it again, so batches already sent change under the next stage. */
public class ReusesBatchListBatcher<T> extends MutantBatcher<T> {

    public ReusesBatchListBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected void send() throws InterruptedException {
        output.put(Message.item(batch));
        batch.clear();
    }
}
