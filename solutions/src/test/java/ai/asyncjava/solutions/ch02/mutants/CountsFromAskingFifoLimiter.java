package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Mutant: starts every request's interval when it asks, not when it goes, so a waiter's slot comes back early. */
public class CountsFromAskingFifoLimiter extends FifoMutant {

    public CountsFromAskingFifoLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public CompletableFuture<Void> acquire() {
        CompletableFuture<Void> turn;
        lock.lock();
        try {
            if (freeSlots == 0 || !waiters.isEmpty()) {
                turn = new CompletableFuture<>();
                waiters.addLast(turn);
            } else {
                freeSlots--;
                turn = CompletableFuture.completedFuture(null);
            }
        } finally {
            lock.unlock();
        }
        timer.schedule(this::releaseOne, intervalNanos, TimeUnit.NANOSECONDS);
        return turn;
    }

    private void releaseOne() {
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
    }
}
