package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.ArrayList;

/**
 * Mutant: after each item it also takes every item already waiting; once that fills the batch
 * it sends the first batchSize items and drops the rest.
 */
public class DrainsAndDropsRestBatcher<T> extends MutantBatcher<T> {

    public DrainsAndDropsRestBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected void onItem(T item) throws InterruptedException {
        if (batch.isEmpty()) {
            deadline = System.nanoTime() + timeout.toNanos();
        }
        batch.add(item);
        // Whatever else is already waiting joins the batch at once (the end marker stays queued).
        while (input.peek() instanceof Message.Item<T>(T waiting)) {
            input.poll();
            batch.add(waiting);
        }
        if (batch.size() >= batchSize) {
            output.put(Message.item(new ArrayList<>(batch.subList(0, batchSize))));
            batch = new ArrayList<>();
        }
    }
}
