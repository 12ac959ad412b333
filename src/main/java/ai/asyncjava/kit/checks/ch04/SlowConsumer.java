package ai.asyncjava.kit.checks.ch04;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch04.TimedQueue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The next stage as the check plays it, slow: it takes batches from a queue that holds one
 * message, spends a while on each, and hands what it took, in order, to a {@link TimedQueue}
 * that records it. A batcher in front of it finds its output queue full and must wait for room.
 * The consumer runs on a virtual thread of the check's, not noted as the learner's.
 */
final class SlowConsumer implements AutoCloseable {

    private final BlockingQueue<Message<List<String>>> queue = new LinkedBlockingQueue<>(1);
    private final Thread thread;

    private SlowConsumer(TimedQueue<List<String>> took, Duration perBatch) {
        thread = Thread.ofVirtual().name("the check's slow consumer").unstarted(() -> {
            try {
                while (true) {
                    Message<List<String>> message = queue.take();
                    took.put(message);
                    if (message instanceof Message.EndOfStream<List<String>>) {
                        return;
                    }
                    Thread.sleep(perBatch);
                }
            } catch (InterruptedException stopped) {
                // the check is over
            }
        });
    }

    static SlowConsumer start(TimedQueue<List<String>> took, Duration perBatch) {
        SlowConsumer consumer = new SlowConsumer(took, perBatch);
        consumer.thread.start();
        return consumer;
    }

    /** The queue the batcher puts its batches on: room for one. */
    BlockingQueue<Message<List<String>>> queue() {
        return queue;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofMillis(500));
    }
}
