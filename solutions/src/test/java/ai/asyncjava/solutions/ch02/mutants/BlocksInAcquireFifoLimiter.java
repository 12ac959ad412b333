package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Mutant: makes acquire() itself wait for the slot and return an already completed future. */
public class BlocksInAcquireFifoLimiter extends FifoMutant {

    public BlocksInAcquireFifoLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public CompletableFuture<Void> acquire() {
        super.acquire().join();
        return CompletableFuture.completedFuture(null);
    }
}
