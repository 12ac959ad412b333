package ai.asyncjava.kit.exercises.ch03;

/**
 * What travels on a pipeline's queues: an item, or the news that no more items will come.
 * A {@code BlockingQueue} cannot hold null (Python's {@code None} sentinel), and it has no
 * {@code task_done()} or {@code join()}, so the end of the stream is a value of its own that
 * goes down the queue behind the last item. Sealed, so a {@code switch} over it must handle both:
 * <pre>{@code
 * switch (queue.take()) {
 *     case Message.Item<String>(String prompt) -> ...;     // work on it
 *     case Message.EndOfStream<String> end -> ...;          // stop, and tell the next stage
 * }
 * }</pre>
 *
 * @param <T> what an item carries
 */
public sealed interface Message<T> {

    /** One item for the next stage. */
    record Item<T>(T value) implements Message<T> {
    }

    /** The end of the stream: the stage that takes it stops, and tells the stage after it. */
    record EndOfStream<T>() implements Message<T> {
    }
}
