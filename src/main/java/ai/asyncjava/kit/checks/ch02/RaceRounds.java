package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.LearnerFrames;
import ai.asyncjava.kit.checks.Tolerances.Ch02;
import ai.asyncjava.kit.checks.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Races threads into a fresh limiter, round after round. The same few platform threads take
 * part in every round: each arrives at a barrier, the last to arrive opens it, and all call
 * the round's limiter that instant, so their calls overlap as closely as the processor cores
 * allow. An unguarded check-then-act ("is there room? then take it") lets two of them through
 * where only one may go, but only when two calls interleave just so: in a small share of rounds,
 * the smaller the faster the code runs. So the check runs hundreds of rounds. The limiter's
 * interval is far longer than a round, so a correct limiter lets exactly {@code allowed}
 * through in every round, whatever the machine's load; the racers that must wait are
 * interrupted at the end of the round.
 */
final class RaceRounds {

    /** One round's limiter, as a racer calls it. */
    @FunctionalInterface
    interface Racer extends AutoCloseable {
        /** One racer's call: true when it was let through at once, false when it must wait. */
        boolean goNow() throws Exception;

        /** Frees the round's limiter, if it holds anything. */
        @Override
        default void close() {}
    }

    /**
     * What the rounds found.
     *
     * @param rounds    how many rounds ran
     * @param tooMany   in the round that broke the limit, how many went through; 0 when none did
     * @param failure   an exception a racer's call threw, if any
     * @param stuckAt   where a racer stayed stuck after it was interrupted, or null
     */
    record Result(int rounds, int tooMany, Throwable failure, String stuckAt) {}

    /** How many requests the hammered limiter lets through. */
    static final int HAMMERED = 2000;
    /** How many times a fresh limiter is hammered, unless one already lets too many through. */
    private static final int HAMMERINGS = 3;
    /** How many threads race in each round: twice the cores of a small machine. */
    static final int RACERS = 4;
    /** How long the check races, at most. */
    private static final long BUDGET_NANOS = 1_000_000_000;
    /** Once the allowed racers went, how long an extra one gets to show up: it would come at the same instant. */
    private static final long SETTLE_NANOS = 300_000;
    /** How long a racer at the barrier spins before it yields its core. */
    private static final long SPIN_NANOS = 20_000;
    private static final int STOPPED = -1;
    /** How many threads the rounds' limiters may leave running before the race stops. */
    private static final int LEFT_BEHIND_AT_MOST = 20;

    private final int allowed;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicInteger through = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Racer current;
    /** The round the racers are to run next; {@link #STOPPED} when the race is over. */
    private volatile int round;
    /** The round whose barrier the last racer opened. */
    private volatile int opened;

    private RaceRounds(int allowed) {
        this.allowed = allowed;
    }

    /**
     * Two ways of making threads collide in a limiter, and a failure when either lets more
     * through than it may: first {@link Hammering} a limiter that lets {@value #HAMMERED}
     * through, then rounds of {@value #RACERS} threads racing into limiters that let one through.
     *
     * @param ruleAllowing makes the rule of a limiter that lets the given number through at once,
     *                     and then none for far longer than the check takes
     * @param limiterFor   makes a fresh limiter for a rule, and says how a racer calls it
     * @param gotThrough   what a racer that went through got, in words ("were let through at once")
     * @param stuckAdvice  what to do about a racer stuck in acquire()
     */
    static <R extends Rule> void assertNoExtraSlots(IntFunction<R> ruleAllowing, Function<R, Racer> limiterFor,
                                                    String gotThrough, String stuckAdvice) throws InterruptedException {
        R many = ruleAllowing.apply(HAMMERED);
        Hammering.Result hammered = null;
        // Again while it ends exactly as it should: a limiter that is still short of the number
        // after a second (a bug of another kind) would only use up time.
        for (int time = 0; time < HAMMERINGS && (hammered == null || hammered.exactly(HAMMERED)); time++) {
            hammered = Hammering.hammer(limiterFor.apply(many), HAMMERED);
        }
        String hammering = "When " + Hammering.THREADS + " threads called acquire() again and again, as fast as they could, ";
        failOn(hammered.failure(), hammering);
        if (hammered.wentThrough() > HAMMERED) {
            fail(hammering + hammered.wentThrough() + " calls " + gotThrough + "; " + many.describe() + ". Updates "
                    + "that threads made at the same time overwrote each other: guard every read and change of "
                    + "the limiter's state with one lock.");
        }
        if (hammered.stuckAt() != null) {
            fail(hammering + "a call stayed in acquire() (at " + hammered.stuckAt() + "). " + stuckAdvice);
        }
        R one = ruleAllowing.apply(1);
        Result result = new RaceRounds(1).race(() -> limiterFor.apply(one));
        String when = "When " + RACERS + " threads called acquire() at the same instant, ";
        failOn(result.failure(), when);
        if (result.tooMany() == RACERS) {
            fail(when + "all " + RACERS + " " + gotThrough + "; " + one.describe() + ". Nothing held them back.");
        }
        if (result.tooMany() > 0) {
            fail(when + result.tooMany() + " of them " + gotThrough + ", in round " + result.rounds() + " of the race; "
                    + one.describe() + ". Two threads saw room for one more and both took it: checking for room and "
                    + "taking it must happen together, under one lock.");
        }
        if (result.stuckAt() != null) {
            fail(when + "a call stayed in acquire() (at " + result.stuckAt() + "). " + stuckAdvice);
        }
    }

    /** Fails on what a call threw: the check's own verdict as it is, anything else in words. */
    private static void failOn(Throwable thrown, String when) {
        if (thrown instanceof AssertionError verdict) {
            throw verdict;
        }
        if (thrown != null) {
            fail(when + "it threw " + Wording.thrownAt(thrown) + ". If it does not throw when one thread calls "
                    + "it, guard the limiter's state with a lock.");
        }
    }

    private Result race(Supplier<Racer> newRound) throws InterruptedException {
        for (int i = 0; i < RACERS; i++) {
            Thread thread = new Thread(this::runRounds, "racer " + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long end = System.nanoTime() + BUDGET_NANOS;
        int number = 0;
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        int threadsBefore = group.activeCount();
        try {
            // A limiter whose close() leaves its timer thread running would leave one per round:
            // stop early, and let the harness report the threads left behind.
            while (System.nanoTime() < end && group.activeCount() <= threadsBefore + LEFT_BEHIND_AT_MOST) {
                number++;
                Result result = oneRound(newRound.get(), number);
                if (result != null) {
                    return result;
                }
            }
            return new Result(number, 0, null, null);
        } finally {
            round = STOPPED;
            threads.forEach(Thread::interrupt);
            long joinBy = System.nanoTime() + Ch02.RACE_STEP.nanos();
            for (Thread thread : threads) {
                thread.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
            }
        }
    }

    /** Runs round {@code number} on {@code racer}; returns what went wrong, or null. */
    private Result oneRound(Racer racer, int number) throws InterruptedException {
        try (racer) {
            current = racer;
            arrived.set(0);
            through.set(0);
            finished.set(0);
            round = number; // the racers go
            long deadline = System.nanoTime() + Ch02.RACE_STEP.nanos();
            while (through.get() < allowed && failure.get() == null && System.nanoTime() < deadline) {
                Thread.yield();
            }
            boolean slow = through.get() < allowed;
            LockSupport.parkNanos(SETTLE_NANOS);
            int wentThrough = through.get();
            // Those still waiting must: stop them, and wait until every racer is done with this round.
            threads.forEach(Thread::interrupt);
            deadline = System.nanoTime() + Ch02.RACE_STEP.nanos();
            while (finished.get() < RACERS && System.nanoTime() < deadline) {
                Thread.yield();
            }
            String stuckAt = finished.get() < RACERS ? whereStuck() : null;
            // An extra racer may have been held up between its call and counting itself.
            wentThrough = Math.max(wentThrough, through.get());
            if (wentThrough > allowed || failure.get() != null || stuckAt != null || slow) {
                // A limiter that does not even let one through at once is wrong in another way,
                // which other checks name; racing it further would only use up time.
                return new Result(number, wentThrough > allowed ? wentThrough : 0, failure.get(), stuckAt);
            }
            return null;
        }
    }

    /** One racer's life: every round, arrive at the barrier, go when it opens, call the limiter once. */
    private void runRounds() {
        for (int next = 1; ; next++) {
            while (round != next) {
                if (round == STOPPED) {
                    return;
                }
                Thread.interrupted(); // an interrupt meant to stop this racer's last call came late
                Thread.yield();
            }
            Thread.interrupted();
            if (arrived.incrementAndGet() == RACERS) {
                opened = next; // the last to arrive opens the barrier: it is running at this instant
            }
            // Spin, so as to go the instant the barrier opens; but only briefly, then yield, so a
            // racer still on its way to the barrier gets a core (there may be fewer cores than racers).
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (opened != next) {
                if (round == STOPPED) {
                    return;
                }
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            try {
                if (current.goNow()) {
                    through.incrementAndGet();
                }
            } catch (InterruptedException e) {
                // Stopped at the end of the round: expected of those that had to wait.
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
            finished.incrementAndGet();
        }
    }

    private String whereStuck() {
        return threads.stream().map(t -> LearnerFrames.innermost(t.getStackTrace())).flatMap(java.util.Optional::stream)
                .findFirst().orElse("a place outside your code");
    }
}
