package ai.asyncjava.kit.exercises;

/**
 * What travels on a queue between two pipeline stages: an item of work, or the end-of-stream
 * marker that says no more items will come. Chapter 03's pipeline and chapter 04's batcher
 * both pass these.
 *
 * <p>Python's asyncio version puts {@code None} on the queue as its sentinel. A Java
 * {@link java.util.concurrent.BlockingQueue} refuses {@code null}, and a sentinel of the item
 * type (an empty string, say) could be mistaken for real work, so the marker gets a type of its
 * own. A {@code BlockingQueue} has no {@code task_done()} or {@code join()} either: a stage
 * knows it is done when the marker reaches it. The interface is sealed, so a {@code switch} over a message must handle both cases, and
 * the compiler says so when one is missing:
 *
 * <pre>{@code
 * switch (input.take()) {
 *     case Message.Item<String>(String text) -> batch.add(text);
 *     case Message.EndOfStream<String> end -> { ... pass the marker on, then return ... }
 * }
 * }</pre>
 *
 * @param <T> the type of the items
 */
public sealed interface Message<T> permits Message.Item, Message.EndOfStream {

    /** One item of work. */
    record Item<T>(T value) implements Message<T> {}

    /** The end-of-stream marker: the stage sending it will send nothing more. */
    record EndOfStream<T>() implements Message<T> {}

    /** Wraps an item: {@code output.put(Message.item(batch))}. */
    static <T> Message<T> item(T value) {
        return new Item<>(value);
    }

    /** The end-of-stream marker: {@code output.put(Message.end())}. */
    static <T> Message<T> end() {
        return new EndOfStream<>();
    }
}
