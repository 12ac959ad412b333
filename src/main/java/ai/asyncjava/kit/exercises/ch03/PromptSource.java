package ai.asyncjava.kit.exercises.ch03;

import java.io.IOException;
import java.util.Optional;

/**
 * Where a pipeline's prompts come from, one at a time: the first stage of chapter 03's
 * pipeline takes them from here and puts them on its input queue.
 *
 * <p>A source hands out prompts as they are asked for; it does not load its whole input at
 * once, so a pipeline that stops asking (because its queue is full) stops reading. It is used by
 * one thread at a time. Whoever opens a source closes it; a pipeline only calls {@link #next()}.
 */
@FunctionalInterface
public interface PromptSource extends AutoCloseable {

    /**
     * The next prompt, or empty once there are none left (and on every later call).
     *
     * @throws IOException when the prompts cannot be read
     */
    Optional<String> next() throws IOException;

    /** Releases what the source holds open, such as the file it is reading. */
    @Override
    default void close() throws IOException {
    }
}
