package ai.asyncjava.solutions.ch02.mutants;

import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** What the FIFO mutants share with the reference: its state, timer and close. Each mutant's bug is in its own methods. */
abstract class FifoMutant implements AsyncRateLimiter {

    protected final long intervalNanos;
    protected final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mutant limiter timer");
        thread.setDaemon(true);
        return thread;
    });
    protected final ReentrantLock lock = new ReentrantLock();
    protected int freeSlots;
    protected final Deque<CompletableFuture<Void>> waiters = new ArrayDeque<>();

    protected FifoMutant(int limit, Duration interval) {
        this.freeSlots = limit;
        this.intervalNanos = interval.toNanos();
    }

    /** The reference's acquire(), with {@link #enqueue} and {@link #slotFreed} to vary. */
    @Override
    public CompletableFuture<Void> acquire() {
        lock.lock();
        try {
            if (freeSlots == 0 || !waiters.isEmpty()) {
                CompletableFuture<Void> turn = new CompletableFuture<>();
                enqueue(turn);
                return turn;
            }
            freeSlots--;
        } finally {
            lock.unlock();
        }
        freeSlotLater();
        return CompletableFuture.completedFuture(null);
    }

    protected void enqueue(CompletableFuture<Void> turn) {
        waiters.addLast(turn);
    }

    protected void freeSlotLater() {
        timer.schedule(this::slotFreed, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /** The reference's hand-over of a freed slot to the next waiter that is still waiting. */
    protected void slotFreed() {
        while (true) {
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
            if (next.complete(null)) {
                freeSlotLater();
                return;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
