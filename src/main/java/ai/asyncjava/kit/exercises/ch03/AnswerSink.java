package ai.asyncjava.kit.exercises.ch03;

import java.io.IOException;

/**
 * Where a pipeline's answers go: the last stage of chapter 03's pipeline takes them from its
 * output queue and writes them here, one at a time.
 *
 * <p>A sink need not be thread-safe: a pipeline calls {@link #write} from one thread at a time,
 * as a file must be written by one writer at a time. Whoever opens a sink closes it, which
 * finishes what it was writing; a pipeline only calls {@link #write}.
 */
@FunctionalInterface
public interface AnswerSink extends AutoCloseable {

    /** Writes one answer. */
    void write(PromptAnswer answer) throws IOException;

    /** Finishes writing: whatever was written is on disk (or wherever it goes) afterwards. */
    @Override
    default void close() throws IOException {
    }
}
