package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Mutant: hands a freed slot to the next waiter without checking that it still waits, so a cancelled one keeps it. */
public class LosesCancelledSlotFifoLimiter extends FifoMutant {

    public LosesCancelledSlotFifoLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    protected void slotFreed() {
        CompletableFuture<Void> next;
        lock.lock();
        try {
            next = waiters.pollFirst();
            if (next == null) {
                freeSlots++;
                return;
            }
        } finally {
            lock.unlock();
        }
        next.complete(null);
        freeSlotLater();
    }
}
