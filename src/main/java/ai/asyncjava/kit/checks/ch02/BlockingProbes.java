package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.CpuWhileWaiting;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Tolerances.Ch02;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The checks that a sliding window and a token bucket share, written once: they differ only
 * in the limiter they are given and the rule named in their messages.
 */
final class BlockingProbes {

    /** How many threads wait while the processor time is measured, and for how long. */
    static final int CPU_WAITERS = 1000;
    static final Duration CPU_MEASURED = Duration.ofMillis(600);
    /** How long the waiters get to settle into their wait before the measuring starts. */
    static final Duration CPU_SETTLE = Duration.ofMillis(150);
    /** How long a check waits for what should happen at once (a fresh limiter's first requests). */
    static final Duration AT_ONCE_WAIT = Duration.ofSeconds(1);

    private BlockingProbes() {}

    /**
     * Calls a fresh limiter {@code count} times at once and waits until all went through, for
     * twice the best time (at least 600 ms more than it); fails on an exception, a broken rule,
     * or callers still waiting. Returns the moments they went through.
     */
    static Admissions burst(RateLimiter limiter, Rule rule, int count, String context) throws Exception {
        long waitNanos = waitForAll(rule, count);
        long origin = System.nanoTime();
        try (Callers callers = new Callers(limiter::acquire, origin)) {
            callers.launchTogether(count);
            callers.awaitAll(origin + waitNanos);
            failOnException(callers);
            rule.assertKept(callers.admissions(), context);
            long waiting = callers.count(Callers.State.WAITING);
            if (waiting > 0) {
                fail(waiting + " of " + count + " requests were still waiting in acquire() after " + Wording.nanos(waitNanos)
                        + callers.whereWaiting() + "; " + rule.describe() + ", so all of them can go within "
                        + Wording.nanos(rule.bestTimeNanos(count)) + ".");
            }
            return callers.admissions();
        }
    }

    /**
     * How long a check waits for {@code count} requests called at once to go through: twice
     * the best time, and at least three times the lateness allowed more than it.
     */
    static long waitForAll(Rule rule, int count) {
        long best = rule.bestTimeNanos(count);
        return best + Math.max(best, 3 * Ch02.LATE.nanos());
    }

    /** A fresh limiter must let {@code count} requests called at once through without waiting. */
    static void firstGoAtOnce(RateLimiter limiter, int count, Rule rule) throws Exception {
        long origin = System.nanoTime();
        try (Callers callers = new Callers(limiter::acquire, origin)) {
            callers.launchTogether(count);
            callers.awaitAll(origin + Tolerances.scaled(AT_ONCE_WAIT).toNanos());
            failOnException(callers);
            long[] moments = callers.admissions().sorted();
            int atOnce = (int) java.util.Arrays.stream(moments).filter(m -> m - origin <= Ch02.LATE.nanos()).count();
            if (atOnce < count) {
                String next = moments.length > atOnce
                        ? "the " + Wording.ordinal(atOnce + 1) + " went " + Wording.nanos(moments[atOnce] - origin) + " later"
                        : "the others were still waiting after " + Wording.seconds(Tolerances.scaled(AT_ONCE_WAIT)) + callers.whereWaiting();
                fail("Only " + atOnce + " of the first " + count + " requests went through at once; " + next + ". "
                        + Wording.capitalised(rule.describe()) + ", so a new limiter must let " + count + " requests through "
                        + "without waiting (the check allows " + Wording.duration(Ch02.LATE.get()) + ").");
            }
        }
    }

    /** A fresh limiter must let {@code count} requests called at once through within the rule's best time. */
    static void burstInBestTime(RateLimiter limiter, Rule rule, int count, String advice) throws Exception {
        Admissions admissions = burst(limiter, rule, count, "");
        Limits.assertInBestTime(admissions, rule, count, "requests went through", advice);
    }

    /** Fails, naming the first exception a caller's {@code acquire()} threw, if one did. */
    static void failOnException(Callers callers) {
        long failed = callers.count(Callers.State.FAILED);
        // When only some callers fail, threads got in each other's way.
        callers.firstFailure().ifPresent(t -> fail("acquire() threw " + Wording.thrownAt(t) + " in " + failed + " of the "
                + callers.size() + " callers. acquire() may only return, or throw InterruptedException."
                + (failed < callers.size() ? " Is the limiter's state shared by the threads without a lock?" : "")));
    }

    /**
     * Threads hammer and race into fresh limiters made by {@code limiterFor} for the rules that
     * {@code ruleAllowing} gives (a limiter that lets n through at once, then none for a long
     * time); fails when one lets more through. See {@link RaceRounds#assertNoExtraSlots}.
     */
    static <R extends Rule> void racersGetNoExtraSlots(IntFunction<R> ruleAllowing, Function<R, RateLimiter> limiterFor)
            throws InterruptedException {
        RaceRounds.assertNoExtraSlots(ruleAllowing, rule -> {
            RateLimiter limiter = limiterFor.apply(rule);
            return () -> {
                limiter.acquire();
                return true;
            };
        }, "went through", "It had been interrupted: a waiting acquire() must throw "
                + "InterruptedException when its thread is interrupted.");
    }

    /**
     * {@value #CPU_WAITERS} threads wait on a limiter that has let {@code letThrough} requests
     * through and will let none more for a long while; fails when they use processor time.
     */
    static void waitersUseNoCpu(RateLimiter limiter, int letThrough, Rule rule) throws Exception {
        long origin = System.nanoTime();
        try (Callers callers = new Callers(limiter::acquire, origin)) {
            callers.launchTogether(CPU_WAITERS);
            // A limiter that lets fewer through at first is measured all the same.
            long readyBy = origin + Tolerances.scaled(AT_ONCE_WAIT).toNanos();
            callers.awaitLetThrough(letThrough, readyBy);
            while (callers.entered() < CPU_WAITERS && System.nanoTime() < readyBy) {
                Thread.sleep(5);
            }
            failOnException(callers);
            Thread.sleep(Tolerances.scaled(CPU_SETTLE)); // the waiters settle into their wait first
            CpuWhileWaiting.Reading cpu = CpuWhileWaiting.measure(CPU_MEASURED, Ch02.CPU_WHILE_WAITING);
            long waiting = callers.count(Callers.State.WAITING);
            if (cpu.busy()) {
                fail("While " + waiting + " threads waited in acquire(), " + cpu.described()
                        + ". The waiting threads keep checking in a loop" + callers.whereWaiting()
                        + ". Work out how long until the next request may go (" + rule.describe()
                        + ") and sleep that long.");
            }
        }
    }

    /**
     * A limiter that lets one request through, then none for at least 2 s: the first request
     * goes, two more wait, the second of them is interrupted. It must stop at once.
     */
    static void interruptedWaiterStops(RateLimiter limiter, Rule rule) throws Exception {
        long origin = System.nanoTime();
        try (Callers callers = new Callers(limiter::acquire, origin)) {
            int first = callers.launch();
            callers.awaitEnd(first, origin + Tolerances.scaled(AT_ONCE_WAIT).toNanos());
            expectLetThrough(callers, first, "the 1st request", rule);
            int ahead = callers.launch();
            Thread.sleep(50);
            int interrupted = callers.launch();
            Thread.sleep(150);
            expectWaiting(callers, ahead, "the 2nd request", rule);
            expectWaiting(callers, interrupted, "the 3rd request", rule);
            String where = callers.whereWaiting(interrupted);
            long interruptedAt = System.nanoTime();
            callers.interrupt(interrupted);
            callers.awaitEnd(interrupted, interruptedAt + 2 * Ch02.PROMPT_STOP.nanos());
            switch (callers.state(interrupted)) {
                case WAITING -> fail("A thread waiting in acquire()" + where + " was interrupted, and "
                        + Wording.nanos(2 * Ch02.PROMPT_STOP.nanos()) + " later it was still waiting. Let the InterruptedException "
                        + "from sleep or await leave acquire() (do not catch and ignore it), and never sleep while "
                        + "holding the lock: a thread waiting for a lock cannot be interrupted.");
                case LET_THROUGH -> fail("A thread waiting in acquire() was interrupted, and acquire() returned "
                        + "normally: its request went ahead although " + rule.describe() + ". Throw InterruptedException instead.");
                case FAILED -> fail("A thread waiting in acquire() was interrupted, and acquire() threw "
                        + Wording.thrownAt(callers.failure(interrupted)) + " instead of InterruptedException.");
                case INTERRUPTED -> {
                    long took = callers.endedAt(interrupted) - interruptedAt;
                    if (took > Ch02.PROMPT_STOP.nanos()) {
                        fail("A thread waiting in acquire()" + where + " took " + Wording.nanos(took) + " to stop after it "
                                + "was interrupted (the check allows " + Wording.duration(Ch02.PROMPT_STOP.get()) + "). Is it "
                                + "waiting for a lock that another thread holds while it sleeps?");
                    }
                }
            }
        }
    }

    /**
     * A limiter that lets one request through and the next exactly {@code nextAfterNanos}
     * later: the first goes, two wait, the first waiter is interrupted; the second must go
     * at the moment the first would have.
     */
    static void interruptedWaiterLeavesNoGap(RateLimiter limiter, long nextAfterNanos, Rule rule) throws Exception {
        long origin = System.nanoTime();
        try (Callers callers = new Callers(limiter::acquire, origin)) {
            int first = callers.launch();
            callers.awaitEnd(first, origin + Tolerances.scaled(AT_ONCE_WAIT).toNanos());
            expectLetThrough(callers, first, "the 1st request", rule);
            long firstAt = callers.endedAt(first);
            int quitter = callers.launch();
            Thread.sleep(50);
            int next = callers.launch();
            Thread.sleep(100);
            expectWaiting(callers, quitter, "the 2nd request", rule);
            callers.interrupt(quitter);
            callers.awaitEnd(next, firstAt + nextAfterNanos + 4 * Ch02.LATE.nanos());
            if (callers.state(quitter) == Callers.State.LET_THROUGH) {
                fail("The 2nd request's thread was interrupted while it waited, yet acquire() returned normally "
                        + "and let it go. Throw InterruptedException instead.");
            }
            switch (callers.state(next)) {
                case WAITING -> fail("The 2nd request's thread was interrupted while it waited; the 3rd request "
                        + "should have gone " + Wording.nanos(nextAfterNanos) + " after the 1st (" + rule.describe() + "), but "
                        + Wording.nanos(System.nanoTime() - firstAt) + " after it was still waiting"
                        + callers.whereWaiting(next) + ". The interrupted request must not keep a place.");
                case FAILED -> fail("acquire() threw " + Wording.thrownAt(callers.failure(next)) + " for the 3rd request.");
                case INTERRUPTED -> fail("The 3rd request's acquire() threw InterruptedException, but only the "
                        + "2nd request's thread was interrupted.");
                case LET_THROUGH -> {
                    long after = callers.endedAt(next) - firstAt;
                    if (after < nextAfterNanos - Ch02.ADMISSION_EARLY.nanos()) {
                        fail("The 3rd request went through " + Wording.nanos(after) + " after the 1st; " + rule.describe()
                                + ", so it had to wait " + Wording.nanos(nextAfterNanos) + " "
                                + Limits.allowing(Ch02.ADMISSION_EARLY) + ".");
                    }
                    if (after > nextAfterNanos + Ch02.LATE.nanos()) {
                        fail("The 3rd request went through " + Wording.nanos(after) + " after the 1st. The 2nd had been "
                                + "interrupted while it waited, so the 3rd could go at " + Wording.nanos(nextAfterNanos)
                                + " (the check allows " + Wording.duration(Ch02.LATE.get()) + " more). The interrupted request "
                                + "kept its place: did it reserve a slot or a token that it never gave back?");
                    }
                }
            }
        }
    }

    /** Fails unless {@code caller} was let through. */
    static void expectLetThrough(Callers callers, int caller, String who, Rule rule) {
        switch (callers.state(caller)) {
            case LET_THROUGH -> { }
            case WAITING -> fail(Wording.capitalised(who) + " of a new limiter was still waiting after "
                    + Wording.seconds(Tolerances.scaled(AT_ONCE_WAIT)) + callers.whereWaiting(caller)
                    + "; " + rule.describe() + ", so it should go at once.");
            case INTERRUPTED -> fail("acquire() threw InterruptedException for " + who + ", though nothing interrupted it.");
            case FAILED -> fail("acquire() threw " + Wording.thrownAt(callers.failure(caller)) + " for " + who + ".");
        }
    }

    /** Fails unless {@code caller} is still waiting. */
    static void expectWaiting(Callers callers, int caller, String who, Rule rule) {
        switch (callers.state(caller)) {
            case WAITING -> { }
            case LET_THROUGH -> fail(Wording.capitalised(who) + " was let through " + Wording.nanos(callers.endedAt(caller)
                    - callers.admissions().origin()) + " after the check began; " + rule.describe() + ", so it had to wait.");
            case INTERRUPTED -> fail("acquire() threw InterruptedException for " + who + ", though nothing interrupted it.");
            case FAILED -> fail("acquire() threw " + Wording.thrownAt(callers.failure(caller)) + " for " + who + ".");
        }
    }

}
