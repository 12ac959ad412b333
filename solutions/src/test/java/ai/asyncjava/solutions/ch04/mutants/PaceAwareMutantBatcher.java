package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/**
 * Not a mutant: the adaptive batcher's rule on top of {@link MutantBatcher}, for the adaptive
 * mutants to bend. It sends when the batch reaches {@link #limit()} or when the next item,
 * expected {@link #gap()} after the latest, would come after the deadline.
 */
abstract class PaceAwareMutantBatcher<T> extends MutantBatcher<T> {

    protected long lastArrival;
    protected long latestGap = -1;

    PaceAwareMutantBatcher(int maxBatchSize, Duration maxWait) {
        super(maxBatchSize, maxWait);
    }

    /** The gap the next item is expected after, in ns; negative when unknown. */
    protected long gap() {
        return latestGap;
    }

    /** How many items make a batch full. */
    protected int limit() {
        return batchSize;
    }

    @Override
    protected void onItem(T item) throws InterruptedException {
        long now = System.nanoTime();
        if (lastArrival != 0) {
            latestGap = now - lastArrival;
        }
        lastArrival = now;
        if (batch.isEmpty()) {
            deadline = now + timeout.toNanos();
        }
        batch.add(item);
        if (batch.size() >= limit() || nextComesTooLate(now)) {
            send();
        }
    }

    /** Whether the next item, expected {@link #gap()} after {@code now}, would come after the batch's deadline. */
    protected boolean nextComesTooLate(long now) {
        return gap() >= 0 && now + gap() > deadline;
    }
}
