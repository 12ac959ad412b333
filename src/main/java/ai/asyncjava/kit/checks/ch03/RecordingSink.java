package ai.asyncjava.kit.checks.ch03;

import ai.asyncjava.kit.checks.LearnerThreads;
import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sink the pipeline checks hand to the learner's pipeline. It keeps every answer written, takes
 * a set time per write (a slow disk), and notices when two threads write at once, which a real
 * file would not survive.
 */
final class RecordingSink implements AnswerSink {

    private final Duration writeTime;
    private final Traffic traffic;
    private final List<PromptAnswer> written = new ArrayList<>();
    private final List<Long> writeEnds = new ArrayList<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private int writing;
    private List<String> overlap = List.of();
    private String firstPromptWriting;

    RecordingSink(Duration writeTime, Traffic traffic) {
        this.writeTime = writeTime;
        this.traffic = traffic;
    }

    @Override
    public void write(PromptAnswer answer) {
        LearnerThreads.noteCurrentThread();
        threads.add(Thread.currentThread());
        traffic.countWritten();
        String prompt = answer == null ? "null" : answer.prompt();
        synchronized (this) {
            writing++;
            if (writing == 1) {
                firstPromptWriting = prompt;
            } else if (overlap.isEmpty()) {
                overlap = List.of(String.valueOf(firstPromptWriting), String.valueOf(prompt));
            }
        }
        try {
            Thread.sleep(writeTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                writing--;
                written.add(answer);
                writeEnds.add(System.nanoTime());
            }
        }
    }

    /** Every answer written so far, in the order written (null where write(null) was called). */
    synchronized List<PromptAnswer> written() {
        return new ArrayList<>(written);
    }

    /** How many writes ended after {@code nanos} ({@link System#nanoTime()}). */
    synchronized long writesEndedAfter(long nanos) {
        return writeEnds.stream().filter(end -> end > nanos).count();
    }

    /** The prompts of the first two writes that overlapped, or an empty list when none did. */
    synchronized List<String> overlap() {
        return overlap;
    }

    /** The threads that called {@link #write}. */
    Set<Thread> threads() {
        return Set.copyOf(threads);
    }
}
