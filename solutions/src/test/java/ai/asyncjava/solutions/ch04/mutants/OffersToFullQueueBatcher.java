package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.ArrayList;

/** Mutant: sends with offer() instead of put(), so a batch is lost whenever the next stage's queue is full. */
public class OffersToFullQueueBatcher<T> extends MutantBatcher<T> {

    public OffersToFullQueueBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected void send() {
        output.offer(Message.item(batch));
        batch = new ArrayList<>();
    }

    @Override
    protected boolean onEnd() {
        if (!batch.isEmpty()) {
            send();
        }
        output.offer(Message.end());
        return true;
    }
}
