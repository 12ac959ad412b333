package ai.asyncjava.solutions.ch04.mutants;

import java.time.Duration;

/** Mutant: its clock runs whether or not items come, and each time it runs out it sends the batch, even an empty one. */
public class SendsEmptyBatchesBatcher<T> extends StartsClockBeforeFirstItemBatcher<T> {

    public SendsEmptyBatchesBatcher(int batchSize, Duration timeout) {
        super(batchSize, timeout);
    }

    @Override
    protected void onTimeout() throws InterruptedException {
        send();
        super.onTimeout();
    }
}
