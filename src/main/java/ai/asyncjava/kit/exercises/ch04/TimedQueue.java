package ai.asyncjava.kit.exercises.ch04;

import ai.asyncjava.kit.exercises.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A queue of messages that remembers when each message was put on it. Hand one to a stage as
 * its input or output queue and read {@link #puts()} afterwards: the times are taken on the
 * queue's side, so they say when an item really arrived or a batch was really sent, however the
 * stage's own code measures time. {@link BatchTrace} turns two of them into waits and charts.
 *
 * <p>It is an unbounded {@link LinkedBlockingQueue} in every other way.
 *
 * @param <T> the type of the items
 */
public class TimedQueue<T> extends LinkedBlockingQueue<Message<T>> {

    /**
     * One message put on the queue.
     *
     * @param nanos     {@link System#nanoTime()} just before it went on the queue
     * @param message   the message
     * @param listAtPut for an item holding a list (a batch): a copy of the list as it was when it
     *                  was put, to spot a batch changed after it was sent; null otherwise
     * @param thread    the name of the thread that put it, to tell which stage (or pool) sent it
     */
    public record Put<T>(long nanos, Message<T> message, List<?> listAtPut, String thread) {}

    private final List<Put<T>> puts = new ArrayList<>();
    private final CountDownLatch endPut = new CountDownLatch(1);

    @Override
    public void put(Message<T> message) throws InterruptedException {
        stamp(message);
        super.put(message);
    }

    @Override
    public boolean offer(Message<T> message) {
        stamp(message);
        return super.offer(message);
    }

    @Override
    public boolean offer(Message<T> message, long timeout, TimeUnit unit) throws InterruptedException {
        stamp(message);
        return super.offer(message, timeout, unit);
    }

    /** Every message put so far, in the order they were put. */
    public List<Put<T>> puts() {
        synchronized (puts) {
            return List.copyOf(puts);
        }
    }

    /** Waits up to {@code timeout} for an end-of-stream marker to be put; true when one was. */
    public boolean awaitEndOfStream(long timeout, TimeUnit unit) throws InterruptedException {
        return endPut.await(timeout, unit);
    }

    private void stamp(Message<T> message) {
        if (message == null) {
            return; // the queue itself refuses null with a NullPointerException
        }
        long now = System.nanoTime();
        List<?> copy = message instanceof Message.Item<T>(Object value) && value instanceof List<?> list
                ? new ArrayList<>(list) : null;
        synchronized (puts) {
            puts.add(new Put<>(now, message, copy, Thread.currentThread().getName()));
        }
        if (message instanceof Message.EndOfStream<T>) {
            endPut.countDown();
        }
    }
}
