package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.exercises.ch04.Batcher;
import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends a batch the moment it holds {@code batchSize} items, or when its first item has waited
 * {@code timeout}; the end-of-stream marker sends whatever is left, then goes on downstream.
 */
public class SizeOrTimeoutBatcher<T> implements Batcher<T> {

    private final int batchSize;
    private final Duration timeout;

    public SizeOrTimeoutBatcher(int batchSize, Duration timeout) {
        if (batchSize < 1 || timeout.isNegative()) {
            throw new IllegalArgumentException("need a batch size of at least 1 and a timeout of at least 0");
        }
        this.batchSize = batchSize;
        this.timeout = timeout;
    }

    @Override
    public void run(BlockingQueue<Message<T>> input, BlockingQueue<Message<List<T>>> output)
            throws InterruptedException {
        List<T> batch = new ArrayList<>();
        long deadline = 0; // System.nanoTime() by which the current batch must be sent
        while (true) {
            // An empty batch has no deadline yet: wait as long as it takes for its first item.
            // Otherwise wait only for what is left until the deadline; poll() returns null
            // when that time runs out (at once if it already has).
            Message<T> message = batch.isEmpty()
                    ? input.take()
                    : input.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            switch (message) {
                case null -> { // the first item has waited the whole timeout: send what we have
                    output.put(Message.item(batch));
                    batch = new ArrayList<>();
                }
                case Message.Item<T>(T item) -> {
                    if (batch.isEmpty()) {
                        deadline = System.nanoTime() + timeout.toNanos(); // the clock starts now
                    }
                    batch.add(item);
                    if (batch.size() == batchSize) {
                        output.put(Message.item(batch));
                        // A new list, never batch.clear(): the one just sent now belongs downstream.
                        batch = new ArrayList<>();
                    }
                }
                case Message.EndOfStream<T> end -> {
                    if (!batch.isEmpty()) {
                        output.put(Message.item(batch));
                    }
                    output.put(Message.end()); // exactly once, after the last batch
                    return;
                }
            }
        }
    }
}
