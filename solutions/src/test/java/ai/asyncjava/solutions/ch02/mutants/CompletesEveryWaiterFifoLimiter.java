package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Mutant: when a slot frees up, completes every waiting future instead of the next one. */
public class CompletesEveryWaiterFifoLimiter extends FifoMutant {

    public CompletesEveryWaiterFifoLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    protected void slotFreed() {
        List<CompletableFuture<Void>> all;
        lock.lock();
        try {
            all = List.copyOf(waiters);
            waiters.clear();
            if (all.isEmpty()) {
                freeSlots++;
                return;
            }
        } finally {
            lock.unlock();
        }
        for (CompletableFuture<Void> waiter : all) {
            if (waiter.complete(null)) {
                freeSlotLater();
            }
        }
    }
}
