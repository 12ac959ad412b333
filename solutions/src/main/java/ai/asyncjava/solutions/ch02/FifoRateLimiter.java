package ai.asyncjava.solutions.ch02;

import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A sliding-window limiter with no waiting threads: each request that goes out holds one of
 * {@code limit} slots, and a timer frees the slot one interval later by handing it to the
 * next waiter in line, first come, first served.
 */
public class FifoRateLimiter implements AsyncRateLimiter {

    private final long intervalNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "rate limiter timer");
        thread.setDaemon(true); // a forgotten limiter must not keep the JVM alive
        return thread;
    });
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock: the slots nobody holds, and the callers waiting for one, in order.
    private int freeSlots;
    private final Queue<CompletableFuture<Void>> waiters = new ArrayDeque<>();

    public FifoRateLimiter(int limit, Duration interval) {
        if (limit < 1 || !interval.isPositive()) {
            throw new IllegalArgumentException("need a limit of 1 or more and a positive interval");
        }
        this.freeSlots = limit;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public CompletableFuture<Void> acquire() {
        lock.lock();
        try {
            // A free slot goes to a newcomer only when nobody is queued before it.
            if (freeSlots == 0 || !waiters.isEmpty()) {
                CompletableFuture<Void> turn = new CompletableFuture<>();
                waiters.add(turn);
                return turn;
            }
            freeSlots--;
        } finally {
            lock.unlock();
        }
        freeSlotLater();
        return CompletableFuture.completedFuture(null);
    }

    /** The request that just went out holds its slot for one interval: the call_later step. */
    private void freeSlotLater() {
        timer.schedule(this::slotFreed, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs on the timer thread when a slot's interval is over: the slot goes to the next in line. */
    private void slotFreed() {
        while (true) {
            CompletableFuture<Void> next;
            lock.lock();
            try {
                next = waiters.poll();
                if (next == null) {
                    freeSlots++;
                    return;
                }
            } finally {
                lock.unlock();
            }
            // Complete outside the lock: code chained on the future runs right here. A
            // cancelled waiter's complete() returns false; then the slot goes to the next one.
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
