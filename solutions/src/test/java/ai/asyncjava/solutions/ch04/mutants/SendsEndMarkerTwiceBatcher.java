package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;

/** Mutant: passes the end marker on, then once more "to be safe" on the way out. */
public class SendsEndMarkerTwiceBatcher<T> extends MutantBatcher<T> {

    public SendsEndMarkerTwiceBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected boolean onEnd() throws InterruptedException {
        super.onEnd();
        output.put(Message.end());
        return true;
    }
}
