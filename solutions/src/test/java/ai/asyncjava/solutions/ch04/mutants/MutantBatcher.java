package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.ch04.Batcher;
import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Not a mutant: the size-or-timeout batcher cut into steps, so that each batcher mutant
 * overrides just the step its bug is in. Unchanged, it behaves like the reference.
 */
abstract class MutantBatcher<T> implements Batcher<T> {

    protected final int batchSize;
    protected final Duration timeout;
    protected List<T> batch = new ArrayList<>();
    protected long deadline;
    protected BlockingQueue<Message<T>> input;
    protected BlockingQueue<Message<List<T>>> output;

    MutantBatcher(int batchSize, Duration timeout) {
        this.batchSize = batchSize;
        this.timeout = timeout;
    }

    @Override
    public void run(BlockingQueue<Message<T>> input, BlockingQueue<Message<List<T>>> output) throws InterruptedException {
        this.input = input;
        this.output = output;
        while (true) {
            switch (next()) {
                case null -> onTimeout();
                case Message.Item<T>(T item) -> onItem(item);
                case Message.EndOfStream<T> end -> {
                    if (onEnd()) {
                        return;
                    }
                }
            }
        }
    }

    /** The next message, or null when the batch's time is up. */
    protected Message<T> next() throws InterruptedException {
        return batch.isEmpty() ? input.take() : input.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    protected void onTimeout() throws InterruptedException {
        send();
    }

    protected void onItem(T item) throws InterruptedException {
        if (batch.isEmpty()) {
            deadline = System.nanoTime() + timeout.toNanos();
        }
        batch.add(item);
        if (batch.size() == batchSize) {
            send();
        }
    }

    /** Handles the end marker; true to return from run(). */
    protected boolean onEnd() throws InterruptedException {
        if (!batch.isEmpty()) {
            send();
        }
        output.put(Message.end());
        return true;
    }

    protected void send() throws InterruptedException {
        output.put(Message.item(batch));
        batch = new ArrayList<>();
    }
}
