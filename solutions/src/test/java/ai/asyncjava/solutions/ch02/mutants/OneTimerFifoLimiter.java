package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Mutant: keeps one timer for the whole limiter, so only one waiter goes per interval, whatever the limit. */
public class OneTimerFifoLimiter extends FifoMutant {

    public OneTimerFifoLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    private boolean timerSet;

    @Override
    protected void enqueue(CompletableFuture<Void> turn) {
        waiters.addLast(turn);
        if (!timerSet) {
            timerSet = true;
            timer.schedule(this::releaseOne, intervalNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    protected void freeSlotLater() {
        // No timer per slot: the one timer releases the waiters.
    }

    private void releaseOne() {
        CompletableFuture<Void> next;
        lock.lock();
        try {
            next = waiters.pollFirst();
            timerSet = !waiters.isEmpty();
            if (timerSet) {
                timer.schedule(this::releaseOne, intervalNanos, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
        if (next != null) {
            next.complete(null);
        }
    }
}
