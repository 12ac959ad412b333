package ai.asyncjava.kit.checks.ch03;

/**
 * Counts prompts in and answers out of a pipeline as they happen, from the check's own source and
 * sink, and keeps the most prompts that were ever read but not yet written: how far the reader got
 * ahead of the writer. Thread-safe.
 */
final class Traffic {

    private int read;
    private int written;
    private int mostAhead;
    private int readWhenMostAhead;

    /** The source handed out one more prompt. */
    synchronized void countRead() {
        read++;
        if (read - written > mostAhead) {
            mostAhead = read - written;
            readWhenMostAhead = read;
        }
    }

    /** The sink was handed one more answer. */
    synchronized void countWritten() {
        written++;
    }

    synchronized int read() {
        return read;
    }

    synchronized int mostAhead() {
        return mostAhead;
    }

    /** How many prompts had been read at the moment the reader was furthest ahead. */
    synchronized int readWhenMostAhead() {
        return readWhenMostAhead;
    }
}
