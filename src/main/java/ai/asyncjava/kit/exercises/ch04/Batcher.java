package ai.asyncjava.kit.exercises.ch04;

import ai.asyncjava.kit.exercises.Message;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * A pipeline stage that groups single items into batches, so that a later stage can send
 * one API request per batch instead of one per item.
 *
 * <p>An implementation gets its limits in its constructor (see {@link BatcherFactory}) and
 * states in its own documentation when it sends a batch. The size-or-timeout batcher of
 * chapter 04 sends a batch:
 * <ul>
 *   <li>the moment it holds {@code batchSize} items (a full batch), or</li>
 *   <li>when the batch's first item has waited {@code timeout} (a partial batch): the clock
 *       starts when the first item of a batch arrives, so no item waits longer than the
 *       timeout;</li>
 *   <li>and never at any other time, except when the stream ends.</li>
 * </ul>
 *
 * @param <T> the type of the items
 */
public interface Batcher<T> {

    /**
     * Reads items from {@code input} until it takes the end-of-stream marker, puts every item
     * on {@code output} exactly once, inside a batch, in the order the items arrived; then
     * sends the batch it still holds (if any), puts the end-of-stream marker on {@code output}
     * once, as the last message, and returns.
     *
     * <p>A batch is a new list for every send (never one that is changed afterwards), never
     * empty, and never larger than the batch size.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void run(BlockingQueue<Message<T>> input, BlockingQueue<Message<List<T>>> output) throws InterruptedException;
}
