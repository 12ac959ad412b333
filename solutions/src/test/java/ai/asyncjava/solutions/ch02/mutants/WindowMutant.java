package ai.asyncjava.solutions.ch02.mutants;

import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;

/** What the sliding-window mutants share with the reference: its state, and pruning. Each mutant's {@code acquire()} holds its bug. */
abstract class WindowMutant implements RateLimiter {

    protected final int limit;
    protected final long intervalNanos;
    protected final ReentrantLock lock = new ReentrantLock();
    protected final Deque<Long> sendTimes = new ArrayDeque<>();

    protected WindowMutant(int limit, Duration interval) {
        this.limit = limit;
        this.intervalNanos = interval.toNanos();
    }

    /** The reference's step: takes a slot and returns 0, or returns how long until there is room ({@link #timeUntilRoom}). */
    protected long takeSlotOrTimeToWait() {
        lock.lock();
        try {
            long now = System.nanoTime();
            forgetSendsBefore(now - intervalNanos);
            if (sendTimes.size() < limit) {
                sendTimes.addLast(now);
                return 0;
            }
            return timeUntilRoom(now);
        } finally {
            lock.unlock();
        }
    }

    /** In a full window, how long until there is room: the reference waits for the oldest send to leave. */
    protected long timeUntilRoom(long now) {
        return sendTimes.peekFirst() + intervalNanos - now;
    }

    protected void forgetSendsBefore(long cutoff) {
        while (!sendTimes.isEmpty() && sendTimes.peekFirst() <= cutoff) {
            sendTimes.pollFirst();
        }
    }
}
