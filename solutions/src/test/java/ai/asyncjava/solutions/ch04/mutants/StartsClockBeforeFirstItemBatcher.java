package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Mutant: starts a batch's clock when it starts collecting, not when its first item arrives, so
 * an item that comes late in that window goes out in a partial batch after a short wait.
 */
public class StartsClockBeforeFirstItemBatcher<T> extends MutantBatcher<T> {

    private boolean clockRunning;

    public StartsClockBeforeFirstItemBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected Message<T> next() throws InterruptedException {
        if (!clockRunning) {
            deadline = System.nanoTime() + timeout.toNanos();
            clockRunning = true;
        }
        return input.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    protected void onTimeout() throws InterruptedException {
        if (!batch.isEmpty()) {
            send();
        }
        clockRunning = false;
    }

    @Override
    protected void onItem(T item) throws InterruptedException {
        batch.add(item);
        if (batch.size() == batchSize) {
            send();
            clockRunning = false;
        }
    }
}
