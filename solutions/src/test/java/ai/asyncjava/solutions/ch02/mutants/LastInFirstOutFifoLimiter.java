package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Mutant: pushes each new waiter onto the front of the queue (`push`), so the newest goes first. */
public class LastInFirstOutFifoLimiter extends FifoMutant {

    public LastInFirstOutFifoLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    protected void enqueue(CompletableFuture<Void> turn) {
        waiters.push(turn);
    }
}
