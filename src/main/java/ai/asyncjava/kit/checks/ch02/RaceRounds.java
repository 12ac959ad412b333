package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.LearnerFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Races threads into a fresh limiter, round after round. In each round a few platform
 * threads spin on a flag that the last of them to arrive flips, and call the limiter that
 * instant, so their calls overlap as closely as the processor cores allow. An unguarded check-then-act ("is there room? then take
 * it") lets two of them through where only one may go; it happens in a fraction of rounds, so
 * the check runs many. The limiter's interval is far longer than a round, so a correct limiter
 * lets exactly {@code allowed} through in every round whatever the machine's load.
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

    /** How many threads race in each round: twice the cores of a small machine. */
    static final int RACERS = 4;
    private static final long SETTLE_WAIT_NANOS = 500_000_000;
    private static final long SETTLE_NANOS = 3_000_000;
    private static final long JOIN_MILLIS = 500;

    private RaceRounds() {}

    /**
     * Runs rounds until one lets more than {@code allowed} through, a call fails, or time or
     * rounds run out. Each round gets its racers from {@code newRound}, which makes a fresh
     * limiter and returns how one racer calls it.
     */
    static Result run(Supplier<Racer> newRound, int racers, int allowed, long budgetNanos, int maxRounds)
            throws InterruptedException {
        long end = System.nanoTime() + budgetNanos;
        int round = 0;
        while (round < maxRounds && System.nanoTime() < end) {
            round++;
            Result result;
            try (Racer racer = newRound.get()) {
                result = oneRound(racer, racers, allowed, round);
            }
            if (result != null) {
                return result;
            }
        }
        return new Result(round, 0, null, null);
    }

    /**
     * Races 4 threads into fresh limiters that each let exactly {@code allowed} through at once,
     * and fails when a round lets more through, a call throws, or a racer gets stuck.
     *
     * @param gotThrough  what a racer that went through got, in words ("were let through at once")
     * @param stuckAdvice what to do about a racer stuck in acquire()
     */
    static void assertNoExtraSlots(Supplier<Racer> newRound, int allowed, Rule rule, String gotThrough,
                                   String stuckAdvice) throws InterruptedException {
        Result result = run(newRound, RACERS, allowed, 700_000_000, 150);
        String when = "When " + RACERS + " threads called acquire() at the same instant, ";
        if (result.failure() != null) {
            fail(when + "it threw " + BlockingProbes.describe(result.failure()) + ". Guard the limiter's state with a lock.");
        }
        if (result.tooMany() == RACERS) {
            fail(when + "all " + RACERS + " " + gotThrough + "; " + rule.describe() + ". Nothing held them back.");
        }
        if (result.tooMany() > 0) {
            fail(when + result.tooMany() + " of them " + gotThrough + ", in round " + result.rounds() + " of the race; "
                    + rule.describe() + ". Two threads saw room for one more and both took it: checking for room and "
                    + "taking it must happen together, under one lock.");
        }
        if (result.stuckAt() != null) {
            fail(when + "a call stayed in acquire() (at " + result.stuckAt() + "). " + stuckAdvice);
        }
    }

    private static Result oneRound(Racer racer, int racers, int allowed, int round) throws InterruptedException {
        AtomicInteger ready = new AtomicInteger();
        AtomicInteger through = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger go = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Thread thread = new Thread(() -> {
                // The last racer to arrive starts the race itself: it is running at that instant,
                // and so, on another core, may be a racer that spins. (Were this thread to start
                // it, it would hold a core that a racer needs.)
                if (ready.incrementAndGet() == racers) {
                    go.set(1);
                }
                while (go.get() == 0) {
                    Thread.onSpinWait();
                }
                try {
                    if (racer.goNow()) {
                        through.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    // Stopped at the end of the round: expected of those that had to wait.
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "racer " + round + "." + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        // Those that go through do so at once; give them a moment, and any extra one too.
        long settleBy = System.nanoTime() + SETTLE_WAIT_NANOS;
        while (through.get() < allowed && failure.get() == null && System.nanoTime() < settleBy) {
            Thread.sleep(1);
        }
        Thread.sleep(SETTLE_NANOS / 1_000_000);
        int wentThrough = through.get();
        String stuckAt = null;
        threads.forEach(Thread::interrupt);
        long joinBy = System.nanoTime() + JOIN_MILLIS * 1_000_000;
        for (Thread thread : threads) {
            thread.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
            if (thread.isAlive() && stuckAt == null) {
                stuckAt = LearnerFrames.innermost(thread.getStackTrace()).orElse("a place outside your code");
            }
        }
        if (wentThrough > allowed || failure.get() != null || stuckAt != null) {
            return new Result(round, wentThrough > allowed ? wentThrough : 0, failure.get(), stuckAt);
        }
        return null;
    }
}
