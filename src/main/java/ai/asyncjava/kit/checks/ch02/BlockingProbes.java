package ai.asyncjava.kit.checks.ch02;

import ai.asyncjava.kit.checks.ThreadCpu;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.LearnerFrames;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The checks that a sliding window and a token bucket share, written once: they differ only
 * in the limiter they are given and the rule named in their messages.
 */
final class BlockingProbes {

    /** How long a waiting caller may take to stop once interrupted. */
    static final long PROMPT_STOP_NANOS = 250_000_000;
    /** How late a request may go, after the moment it could have gone, on a busy machine. */
    static final long LATE_NANOS = 200_000_000;
    /** How many threads wait while the processor time is measured, and for how long. */
    static final int CPU_WAITERS = 1000;
    static final long CPU_MEASURE_NANOS = 600_000_000;
    /**
     * The processor time all Java threads together may use in that time. A correct limiter's
     * waiters sleep and use none; measured here it stays under 10 ms. One that polls every
     * millisecond uses the whole machine, several hundred ms, even when other programs compete.
     */
    static final long CPU_ALLOWED_NANOS = 60_000_000;

    private BlockingProbes() {}

    /**
     * Calls a fresh limiter {@code count} times at once and waits until all went through, for
     * twice the best time (at least 600 ms more than it); fails on an exception, a broken rule,
     * or callers still waiting. Returns the moments they went through.
     */
    static Admissions burst(RateLimiter limiter, Rule rule, int count, String context) throws Exception {
        long best = rule.bestTimeNanos(count);
        long waitNanos = best + Math.max(best, 600_000_000L);
        long origin = System.nanoTime();
        try (Callers callers = new Callers(limiter::acquire, origin)) {
            callers.launchTogether(count);
            callers.awaitAll(origin + waitNanos);
            failOnException(callers);
            rule.assertKept(callers.admissions(), context);
            long waiting = callers.count(Callers.State.WAITING);
            if (waiting > 0) {
                fail(waiting + " of " + count + " requests were still waiting in acquire() after " + Limits.ms(waitNanos)
                        + callers.whereWaiting() + "; " + rule.describe() + ", so all of them can go within "
                        + Limits.ms(rule.bestTimeNanos(count)) + ".");
            }
            return callers.admissions();
        }
    }

    /** A fresh limiter must let {@code count} requests called at once through without waiting. */
    static void firstGoAtOnce(RateLimiter limiter, int count, Rule rule) throws Exception {
        long origin = System.nanoTime();
        try (Callers callers = new Callers(limiter::acquire, origin)) {
            callers.launchTogether(count);
            callers.awaitAll(origin + 1_000_000_000L);
            failOnException(callers);
            long[] moments = callers.admissions().sorted();
            int atOnce = (int) java.util.Arrays.stream(moments).filter(m -> m - origin <= LATE_NANOS).count();
            if (atOnce < count) {
                String next = moments.length > atOnce
                        ? "the " + Limits.ordinal(atOnce + 1) + " went " + Limits.ms(moments[atOnce] - origin) + " later"
                        : "the others were still waiting after 1 s" + callers.whereWaiting();
                fail("Only " + atOnce + " of the first " + count + " requests went through at once; " + next + ". "
                        + capitalised(rule.describe()) + ", so a new limiter must let " + count + " requests through "
                        + "without waiting (the check allows " + Limits.ms(LATE_NANOS) + ").");
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
        callers.firstFailure().ifPresent(t -> fail("acquire() threw " + describe(t) + " in " + failed + " of the "
                + callers.size() + " callers. acquire() may only return, or throw InterruptedException."
                + (failed < callers.size() ? " Is the limiter's state shared by the threads without a lock?" : "")));
    }

    /** "ArrayIndexOutOfBoundsException: Index 16 out of bounds (at Foo.acquire (line 30))". */
    static String describe(Throwable t) {
        List<String> where = LearnerFrames.first(t.getStackTrace(), 1);
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
                + (where.isEmpty() ? "" : " (at " + where.get(0) + ")");
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
            long readyBy = origin + 1_000_000_000L;
            callers.awaitLetThrough(letThrough, readyBy);
            while (callers.entered() < CPU_WAITERS && System.nanoTime() < readyBy) {
                Thread.sleep(5);
            }
            failOnException(callers);
            Thread.sleep(150); // let every waiter settle into its wait
            ThreadCpu cpu = ThreadCpu.start();
            Thread.sleep(CPU_MEASURE_NANOS / 1_000_000);
            long used = cpu.usedNanos();
            long waiting = callers.count(Callers.State.WAITING);
            if (used > CPU_ALLOWED_NANOS) {
                fail("While " + waiting + " threads waited in acquire() for " + Limits.ms(CPU_MEASURE_NANOS)
                        + ", the program's threads used " + Limits.ms(used) + " of processor time; the check allows "
                        + Limits.ms(CPU_ALLOWED_NANOS) + ". The waiting threads keep checking in a loop"
                        + callers.whereWaiting() + ". Work out how long until the next request may go ("
                        + rule.describe() + ") and sleep that long.");
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
            callers.awaitEnd(first, origin + 1_000_000_000L);
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
            callers.awaitEnd(interrupted, interruptedAt + 2 * PROMPT_STOP_NANOS);
            switch (callers.state(interrupted)) {
                case WAITING -> fail("A thread waiting in acquire()" + where + " was interrupted, and "
                        + Limits.ms(2 * PROMPT_STOP_NANOS) + " later it was still waiting. Let the InterruptedException "
                        + "from sleep or await leave acquire() (do not catch and ignore it), and never sleep while "
                        + "holding the lock: a thread waiting for a lock cannot be interrupted.");
                case LET_THROUGH -> fail("A thread waiting in acquire() was interrupted, and acquire() returned "
                        + "normally: its request went ahead although " + rule.describe() + ". Throw InterruptedException instead.");
                case FAILED -> fail("A thread waiting in acquire() was interrupted, and acquire() threw "
                        + describe(callers.failure(interrupted)) + " instead of InterruptedException.");
                case INTERRUPTED -> {
                    long took = callers.endedAt(interrupted) - interruptedAt;
                    if (took > PROMPT_STOP_NANOS) {
                        fail("A thread waiting in acquire()" + where + " took " + Limits.ms(took) + " to stop after it "
                                + "was interrupted (the check allows " + Limits.ms(PROMPT_STOP_NANOS) + "). Is it "
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
            callers.awaitEnd(first, origin + 1_000_000_000L);
            expectLetThrough(callers, first, "the 1st request", rule);
            long firstAt = callers.endedAt(first);
            int quitter = callers.launch();
            Thread.sleep(50);
            int next = callers.launch();
            Thread.sleep(100);
            expectWaiting(callers, quitter, "the 2nd request", rule);
            callers.interrupt(quitter);
            callers.awaitEnd(next, firstAt + nextAfterNanos + 4 * LATE_NANOS);
            if (callers.state(quitter) == Callers.State.LET_THROUGH) {
                fail("The 2nd request's thread was interrupted while it waited, yet acquire() returned normally "
                        + "and let it go. Throw InterruptedException instead.");
            }
            switch (callers.state(next)) {
                case WAITING -> fail("The 2nd request's thread was interrupted while it waited; the 3rd request "
                        + "should have gone " + Limits.ms(nextAfterNanos) + " after the 1st (" + rule.describe() + "), but "
                        + Limits.ms(System.nanoTime() - firstAt) + " after it was still waiting"
                        + callers.whereWaiting(next) + ". The interrupted request must not keep a place.");
                case FAILED -> fail("acquire() threw " + describe(callers.failure(next)) + " for the 3rd request.");
                case INTERRUPTED -> fail("The 3rd request's acquire() threw InterruptedException, but only the "
                        + "2nd request's thread was interrupted.");
                case LET_THROUGH -> {
                    long after = callers.endedAt(next) - firstAt;
                    if (after < nextAfterNanos - Admissions.TOLERANCE_NANOS) {
                        fail("The 3rd request went through " + Limits.ms(after) + " after the 1st; " + rule.describe()
                                + ", so it had to wait " + Limits.ms(nextAfterNanos) + " "
                                + Limits.allowing(Admissions.TOLERANCE_NANOS) + ".");
                    }
                    if (after > nextAfterNanos + LATE_NANOS) {
                        fail("The 3rd request went through " + Limits.ms(after) + " after the 1st. The 2nd had been "
                                + "interrupted while it waited, so the 3rd could go at " + Limits.ms(nextAfterNanos)
                                + " (the check allows " + Limits.ms(LATE_NANOS) + " more). The interrupted request "
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
            case WAITING -> fail(capitalised(who) + " of a new limiter was still waiting after 1 s" + callers.whereWaiting(caller)
                    + "; " + rule.describe() + ", so it should go at once.");
            case INTERRUPTED -> fail("acquire() threw InterruptedException for " + who + ", though nothing interrupted it.");
            case FAILED -> fail("acquire() threw " + describe(callers.failure(caller)) + " for " + who + ".");
        }
    }

    /** Fails unless {@code caller} is still waiting. */
    static void expectWaiting(Callers callers, int caller, String who, Rule rule) {
        switch (callers.state(caller)) {
            case WAITING -> { }
            case LET_THROUGH -> fail(capitalised(who) + " was let through " + Limits.ms(callers.endedAt(caller)
                    - callers.admissions().origin()) + " after the check began; " + rule.describe() + ", so it had to wait.");
            case INTERRUPTED -> fail("acquire() threw InterruptedException for " + who + ", though nothing interrupted it.");
            case FAILED -> fail("acquire() threw " + describe(callers.failure(caller)) + " for " + who + ".");
        }
    }

    static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
