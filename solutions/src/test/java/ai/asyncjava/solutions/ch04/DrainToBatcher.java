package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.exercises.ch04.Batcher;
import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Not a mutant: a correct size-or-timeout batcher written another way, which after each wait
 * takes whatever else is already waiting with {@code drainTo}, never more than the batch has
 * room for. The checks must pass it.
 */
public class DrainToBatcher<T> implements Batcher<T> {

    private final int batchSize;
    private final Duration timeout;

    public DrainToBatcher(int batchSize, Duration timeout) {
        this.batchSize = batchSize;
        this.timeout = timeout;
    }

    @Override
    public void run(BlockingQueue<Message<T>> input, BlockingQueue<Message<List<T>>> output)
            throws InterruptedException {
        List<T> batch = new ArrayList<>();
        List<Message<T>> arrived = new ArrayList<>();
        long deadline = 0;
        while (true) {
            Message<T> first = batch.isEmpty()
                    ? input.take()
                    : input.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (first == null) {
                output.put(Message.item(batch));
                batch = new ArrayList<>();
                continue;
            }
            arrived.add(first);
            input.drainTo(arrived, batchSize - batch.size() - 1);
            for (Message<T> message : arrived) {
                switch (message) {
                    case Message.Item<T>(T item) -> {
                        if (batch.isEmpty()) {
                            deadline = System.nanoTime() + timeout.toNanos();
                        }
                        batch.add(item);
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
            arrived.clear();
            if (batch.size() == batchSize) {
                output.put(Message.item(batch));
                batch = new ArrayList<>();
            }
        }
    }
}
