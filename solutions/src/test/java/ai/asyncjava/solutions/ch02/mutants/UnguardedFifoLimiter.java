package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Mutant: takes free slots without the lock, so two callers can take the last one. */
public class UnguardedFifoLimiter extends FifoMutant {

    public UnguardedFifoLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public CompletableFuture<Void> acquire() {
        if (freeSlots > 0 && waiters.isEmpty()) {
            freeSlots--;
            freeSlotLater();
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> turn = new CompletableFuture<>();
        lock.lock();
        try {
            waiters.addLast(turn);
        } finally {
            lock.unlock();
        }
        return turn;
    }
}
