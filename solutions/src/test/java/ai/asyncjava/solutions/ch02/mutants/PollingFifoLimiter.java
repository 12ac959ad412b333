package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: gives every waiter a virtual thread that checks for a free slot every millisecond. */
public class PollingFifoLimiter extends FifoMutant {

    public PollingFifoLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    private final ExecutorService pollers = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public CompletableFuture<Void> acquire() {
        return CompletableFuture.runAsync(() -> {
            try {
                while (!tryTakeSlot()) {
                    Thread.sleep(1);
                }
            } catch (InterruptedException e) {
                throw new CancellationException("limiter closed");
            }
        }, pollers);
    }

    private boolean tryTakeSlot() {
        lock.lock();
        try {
            if (freeSlots == 0) {
                return false;
            }
            freeSlots--;
        } finally {
            lock.unlock();
        }
        freeSlotLater();
        return true;
    }

    @Override
    public void close() {
        pollers.shutdownNow();
        super.close();
    }
}
