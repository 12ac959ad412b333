package ai.asyncjava.kit.checks.ch02;

import ai.asyncjava.kit.checks.LearnerFrames;
import ai.asyncjava.kit.checks.LearnerThreads;
import ai.asyncjava.kit.checks.Tolerances.Ch02;
import ai.asyncjava.kit.checks.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Virtual threads that each call the learner's {@code acquire()} once, as requests of an LLM
 * app would, and record how the call ended: let through (and when), interrupted, or failed.
 * Callers are numbered from 0 in the order they were launched.
 */
final class Callers implements AutoCloseable {

    /** One call of the learner's limiter; returns when the request may go. */
    @FunctionalInterface
    interface Gate {
        void pass() throws Exception;
    }

    /** How a caller's call ended, if it has. */
    enum State { WAITING, LET_THROUGH, INTERRUPTED, FAILED }

    private final Gate gate;
    private final Admissions admissions;
    private final List<Caller> callers = new ArrayList<>();
    private final AtomicInteger entered = new AtomicInteger();

    private final class Caller {
        final Thread thread;
        volatile State state = State.WAITING;
        volatile long endedAt;
        volatile Throwable failure;
        final CountDownLatch ended = new CountDownLatch(1);

        Caller(CountDownLatch start) {
            this.thread = Thread.ofVirtual().unstarted(() -> call(start));
        }

        private void call(CountDownLatch start) {
            LearnerThreads.noteCurrentThread();
            try {
                start.await();
                entered.incrementAndGet();
                gate.pass();
                endedAt = admissions.record();
                state = State.LET_THROUGH;
            } catch (InterruptedException e) {
                endedAt = System.nanoTime();
                state = State.INTERRUPTED;
            } catch (Throwable t) {
                endedAt = System.nanoTime();
                failure = t;
                state = State.FAILED;
            } finally {
                ended.countDown();
            }
        }
    }

    /** @param origin the check's start ({@code System.nanoTime()}), which messages count from */
    Callers(Gate gate, long origin) {
        this.gate = gate;
        this.admissions = new Admissions(origin);
    }

    /** Starts {@code count} callers that all call {@code acquire()} at the same moment. */
    synchronized void launchTogether(int count) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Caller> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new Caller(start));
        }
        callers.addAll(batch);
        batch.forEach(c -> c.thread.start());
        start.countDown();
    }

    /** Starts one caller now; returns its number. */
    synchronized int launch() throws InterruptedException {
        launchTogether(1);
        return callers.size() - 1;
    }

    Admissions admissions() {
        return admissions;
    }

    synchronized int size() {
        return callers.size();
    }

    /** How many callers are inside {@code acquire()} or past it. */
    int entered() {
        return entered.get();
    }

    State state(int caller) {
        return get(caller).state;
    }

    /** When the caller's call ended ({@code System.nanoTime()}); 0 while it waits. */
    long endedAt(int caller) {
        return get(caller).endedAt;
    }

    Throwable failure(int caller) {
        return get(caller).failure;
    }

    long count(State state) {
        return snapshot().stream().filter(c -> c.state == state).count();
    }

    /** The first failure any caller's {@code acquire()} threw, if any. */
    Optional<Throwable> firstFailure() {
        return snapshot().stream().map(c -> c.failure).filter(f -> f != null).findFirst();
    }

    /** Waits until {@code caller}'s call has ended, at most until {@code deadline}; true when it has. */
    boolean awaitEnd(int caller, long deadline) throws InterruptedException {
        return get(caller).ended.await(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Waits until every caller's call has ended, at most until {@code deadline}; true when all have. */
    boolean awaitAll(long deadline) throws InterruptedException {
        for (Caller caller : snapshot()) {
            if (!caller.ended.await(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** Waits until at least {@code count} callers were let through, at most until {@code deadline}. */
    boolean awaitLetThrough(int count, long deadline) throws InterruptedException {
        while (admissions.count() < count) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    void interrupt(int caller) {
        get(caller).thread.interrupt();
    }

    /** Where the first caller still waiting is, in the learner's code: " (at Foo.acquire (line 12))". */
    String whereWaiting() {
        return snapshot().stream().filter(c -> c.state == State.WAITING)
                .map(c -> LearnerFrames.innermost(c.thread.getStackTrace()))
                .flatMap(Optional::stream).findFirst().map(frame -> " (at " + frame + ")").orElse("");
    }

    /** Where {@code caller} is in the learner's code while it waits: " (at Foo.acquire (line 12))". */
    String whereWaiting(int caller) {
        return LearnerFrames.innermost(get(caller).thread.getStackTrace()).map(frame -> " (at " + frame + ")").orElse("");
    }

    /**
     * Interrupts every caller still waiting and waits briefly for them to end; returns how many
     * did not (a limiter that ignores interrupts keeps them).
     */
    int stop() throws InterruptedException {
        List<Caller> all = snapshot();
        all.stream().filter(c -> c.state == State.WAITING).forEach(c -> c.thread.interrupt());
        long deadline = System.nanoTime() + Ch02.CALLERS_STOP.nanos();
        int stuck = 0;
        for (Caller caller : all) {
            if (!caller.ended.await(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                stuck++;
            }
        }
        return stuck;
    }

    /** Stops the callers; fails when some would not stop, since nothing else could end them. */
    @Override
    public void close() throws InterruptedException {
        String where = whereWaiting();
        int stuck = stop();
        if (stuck > 0) {
            throw new AssertionError(stuck + " of the callers were still waiting in acquire()" + where + " "
                    + Wording.duration(Ch02.CALLERS_STOP.get()) + " after their threads were interrupted. A waiting acquire() must stop "
                    + "and throw InterruptedException when its thread is interrupted; do not catch and ignore it.");
        }
    }

    private synchronized Caller get(int caller) {
        return callers.get(caller);
    }

    private synchronized List<Caller> snapshot() {
        return List.copyOf(callers);
    }
}
