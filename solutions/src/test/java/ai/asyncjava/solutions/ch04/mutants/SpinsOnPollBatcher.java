package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;

/** Mutant: waits for the next item by calling poll() in a loop and checking the deadline each time round. */
public class SpinsOnPollBatcher<T> extends MutantBatcher<T> {

    public SpinsOnPollBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected Message<T> next() {
        while (true) {
            Message<T> message = input.poll();
            if (message != null) {
                return message;
            }
            if (!batch.isEmpty() && System.nanoTime() >= deadline) {
                return null;
            }
        }
    }
}
