package ai.asyncjava.solutions.ch04.mutants;

import ai.asyncjava.solutions.ch04.SizeOrTimeoutBatcher;
import java.time.Duration;

/** Mutant (adaptive): the plain size-or-timeout batcher, so in a slow stream every item waits the whole max wait. */
public class NeverAdaptsBatcher<T> extends SizeOrTimeoutBatcher<T> {

    public NeverAdaptsBatcher(int maxBatchSize, Duration maxWait) {
        super(maxBatchSize, maxWait);
    }
}
