package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.LearnerFrames;
import ai.asyncjava.kit.checks.LearnerThreads;
import ai.asyncjava.kit.checks.Tolerances.Ch02;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The futures a check got from the learner's {@link AsyncRateLimiter}, numbered in the order
 * {@code acquire()} returned them, with the moment each completed (recorded by a callback the
 * instant it completes) and the order in which they completed. Thread-safe.
 */
final class Tickets {

    private final AsyncRateLimiter limiter;
    private final Admissions admissions;
    private final List<CompletableFuture<Void>> futures = new ArrayList<>();
    private final List<Long> completedAt = new ArrayList<>();
    private final List<Integer> completionOrder = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private long slowestCallNanos;
    private int slowestCall = -1;

    Tickets(AsyncRateLimiter limiter, long origin) {
        this.limiter = limiter;
        this.admissions = new Admissions(origin);
    }

    /** Calls {@code acquire()} once and returns the ticket's number. */
    int take() {
        long before = System.nanoTime();
        CompletableFuture<Void> future = limiter.acquire();
        long took = System.nanoTime() - before;
        if (future == null) {
            fail("acquire() returned null; it must return a future that completes when the request may go.");
        }
        int number;
        synchronized (this) {
            number = futures.size();
            futures.add(future);
            completedAt.add(0L);
            if (took > slowestCallNanos) {
                slowestCallNanos = took;
                slowestCall = number;
            }
        }
        future.whenComplete((nothing, failure) -> completed(number, failure));
        return number;
    }

    /** Takes {@code count} tickets, one after another, on the calling thread. */
    void take(int count) {
        for (int i = 0; i < count; i++) {
            take();
        }
    }

    /**
     * Takes {@code count} tickets one after another on a virtual thread, and fails when the
     * calls do not all return quickly: acquire() must never wait. (The check's own thread stays
     * free, so a blocking acquire() fails this check instead of hanging it.)
     */
    void takeQuickly(int count) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            LearnerThreads.noteCurrentThread();
            try {
                for (int i = 0; i < count && !stop.get(); i++) {
                    take();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        long allowedNanos = Ch02.QUICK_CALL.nanos() + count * 500_000L;
        caller.join(Duration.ofNanos(allowedNanos));
        if (caller.isAlive()) {
            stop.set(true);
            String where = LearnerFrames.innermost(caller.getStackTrace()).map(f -> " (at " + f + ")").orElse("");
            caller.interrupt();
            fail("The " + Wording.ordinal(size() + 1) + " call of acquire() had not returned after "
                    + Wording.nanos(allowedNanos) + where + ". acquire() must never wait: it returns a future at once, and "
                    + "the future completes when the request may go.");
        }
        if (failure.get() instanceof AssertionError failed) {
            throw failed;
        }
        if (failure.get() != null) {
            fail("acquire() threw " + Wording.thrownAt(failure.get()) + ".");
        }
    }

    private void completed(int number, Throwable failure) {
        long now = System.nanoTime();
        if (failure == null) {
            admissions.record();
        }
        synchronized (this) {
            if (failure == null) {
                completedAt.set(number, now);
                completionOrder.add(number);
            } else if (!(failure instanceof CancellationException)) {
                failures.add(failure);
            }
        }
    }

    Admissions admissions() {
        return admissions;
    }

    synchronized CompletableFuture<Void> future(int number) {
        return futures.get(number);
    }

    synchronized int size() {
        return futures.size();
    }

    /** When ticket {@code number} completed ({@code System.nanoTime()}); 0 while it has not. */
    synchronized long completedAt(int number) {
        return completedAt.get(number);
    }

    synchronized List<Integer> completionOrder() {
        return List.copyOf(completionOrder);
    }

    synchronized long slowestCallNanos() {
        return slowestCallNanos;
    }

    synchronized int slowestCall() {
        return slowestCall;
    }

    synchronized long count() {
        return completionOrder.size();
    }

    /** Waits until every ticket completed (or was cancelled), at most until {@code deadline}; true when all did. */
    boolean awaitAll(long deadline) throws InterruptedException {
        while (true) {
            synchronized (this) {
                if (futures.stream().allMatch(CompletableFuture::isDone)) {
                    return true;
                }
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
    }

    /** Fails when a future completed exceptionally (other than by being cancelled). */
    synchronized void failOnException() {
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            fail(failures.size() + " of the futures completed with " + Wording.thrownAt(first)
                    + "; they must complete normally (with null) when the request may go.");
        }
    }

    synchronized long pending() {
        return futures.stream().filter(f -> !f.isDone()).count();
    }
}
