package ai.asyncjava.kit.checks.ch07;

import ai.asyncjava.kit.exercises.ch07.ExchangeLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The check's {@link ExchangeLog}: each record takes a fixed time, like a write to a store, and notes
 * when it began and ended, and whether an interrupt cut it short (the exchange lost).
 */
final class RecordingLog implements ExchangeLog {

    /** One call of {@link #record}; {@code endedNanos} is -1 while it runs. */
    record Entry(String question, String answer, long startedNanos, long endedNanos, boolean interrupted) {

        boolean finished() {
            return endedNanos >= 0 && !interrupted;
        }
    }

    private final Duration recordTime;
    private final List<Entry> entries = new ArrayList<>();

    RecordingLog(Duration recordTime) {
        this.recordTime = recordTime;
    }

    @Override
    public void record(String question, String answer) throws InterruptedException {
        long started = System.nanoTime();
        int index;
        synchronized (this) {
            index = entries.size();
            entries.add(new Entry(question, answer, started, -1, false));
        }
        try {
            Thread.sleep(recordTime);
        } catch (InterruptedException lost) {
            end(index, true);
            throw lost;
        }
        end(index, false);
    }

    private synchronized void end(int index, boolean interrupted) {
        Entry begun = entries.get(index);
        entries.set(index, new Entry(begun.question(), begun.answer(), begun.startedNanos(), System.nanoTime(), interrupted));
        notifyAll();
    }

    /** Every record so far, in the order they began. */
    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Waits until {@code count} records have finished, or {@code patience} has passed; the finished ones. */
    synchronized List<Entry> awaitFinished(int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (finished().size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return finished();
    }

    private List<Entry> finished() {
        return entries.stream().filter(Entry::finished).toList();
    }

    /** "3 records begun, 1 finished, 2 interrupted", for a failure's message. */
    synchronized String describe() {
        long finished = entries.stream().filter(Entry::finished).count();
        long interrupted = entries.stream().filter(Entry::interrupted).count();
        return entries.size() + " record(s) begun, " + finished + " finished"
                + (interrupted > 0 ? ", " + interrupted + " interrupted" : "");
    }
}
