package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.exercises.ch04.Batcher;
import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A size-or-timeout batcher that also stops waiting when waiting cannot pay off: the gap
 * between the two latest arrivals predicts when the next item comes, and when that is after
 * the batch's deadline the batch goes out at once. Fast streams fill whole batches; slow
 * streams get their items sent without a pointless wait.
 */
public class AdaptiveBatcher<T> implements Batcher<T> {

    private final int maxBatchSize;
    private final Duration maxWait;

    public AdaptiveBatcher(int maxBatchSize, Duration maxWait) {
        if (maxBatchSize < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("need a batch size of at least 1 and a wait of at least 0");
        }
        this.maxBatchSize = maxBatchSize;
        this.maxWait = maxWait;
    }

    @Override
    public void run(BlockingQueue<Message<T>> input, BlockingQueue<Message<List<T>>> output)
            throws InterruptedException {
        List<T> batch = new ArrayList<>();
        long deadline = 0;
        long lastArrival = 0;
        long gap = -1; // the latest gap between two arrivals, in ns; -1 until two items came
        boolean anyArrived = false;
        while (true) {
            Message<T> message = batch.isEmpty()
                    ? input.take()
                    : input.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            switch (message) {
                case null -> {
                    output.put(Message.item(batch));
                    batch = new ArrayList<>();
                }
                case Message.Item<T>(T item) -> {
                    long now = System.nanoTime();
                    if (anyArrived) {
                        gap = now - lastArrival;
                    }
                    lastArrival = now;
                    anyArrived = true;
                    if (batch.isEmpty()) {
                        deadline = now + maxWait.toNanos();
                    }
                    batch.add(item);
                    // If the next item is expected only after the deadline, waiting for it
                    // just delays the items we hold: send them now.
                    boolean nextComesTooLate = gap >= 0 && now + gap > deadline;
                    if (batch.size() == maxBatchSize || nextComesTooLate) {
                        output.put(Message.item(batch));
                        batch = new ArrayList<>();
                    }
                }
                case Message.EndOfStream<T> end -> {
                    if (!batch.isEmpty()) {
                        output.put(Message.item(batch));
                    }
                    output.put(Message.end());
                    return;
                }
            }
        }
    }
}
