package ai.asyncjava.kit.exercises.ch02;

import ai.asyncjava.kit.viz.Timeline;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A demo for chapter 02's notebook: a line of callers queues up on a limiter, one every few
 * milliseconds, and each notes when it called, when it was let through, and how many times its
 * thread went to sleep while it waited. That shows who got which slot, and how much waking up
 * and going back to sleep a limiter costs (the thundering herd).
 *
 * <p>The callers are platform threads, because the JVM counts sleeps per platform thread
 * ({@link java.lang.management.ThreadInfo#getWaitedCount()}: every sleep, park or wait).
 */
public final class WaitingRoom {

    /**
     * One caller.
     *
     * @param number   its place in the line, from 1
     * @param calledMs when it called acquire(), ms since the line began
     * @param wentMs   when it was let through; {@code NaN} when it was not within the time allowed
     * @param sleeps   how many times its thread went to sleep in between
     */
    public record Caller(int number, double calledMs, double wentMs, long sleeps) {
        public boolean went() {
            return !Double.isNaN(wentMs);
        }
    }

    /** A way to wait for one slot; it may note the moment it was let through itself, and returns it (or NaN). */
    @FunctionalInterface
    private interface Gate {
        double pass(long origin) throws Exception;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long GIVE_UP_MILLIS = 15_000;

    private WaitingRoom() {}

    /** {@code count} callers of a blocking limiter's {@code acquire()}, each {@code apart} after the one before. */
    public static List<Caller> line(int count, Duration apart, RateLimiter limiter) throws InterruptedException {
        return queue(count, apart, origin -> {
            limiter.acquire();
            return millisSince(origin);
        });
    }

    /**
     * {@code count} callers that each wait for their future with {@code join()}, each
     * {@code apart} after the one before. A caller goes the moment its future completes (noted
     * by a callback), not when its thread gets round to running again.
     */
    public static List<Caller> line(int count, Duration apart, AsyncRateLimiter limiter) throws InterruptedException {
        return queue(count, apart, origin -> {
            CompletableFuture<Void> turn = limiter.acquire();
            CompletableFuture<Double> wentAt = turn.thenApply(nothing -> millisSince(origin));
            turn.join();
            return wentAt.join();
        });
    }

    private static List<Caller> queue(int count, Duration apart, Gate gate) throws InterruptedException {
        long origin = System.nanoTime();
        double[] called = new double[count];
        double[] went = new double[count];
        long[] sleeps = new long[count];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int place = i;
            went[place] = Double.NaN;
            Thread thread = new Thread(() -> {
                long sleptBefore = sleepsSoFar();
                called[place] = millisSince(origin);
                try {
                    went[place] = gate.pass(origin);
                } catch (Exception e) {
                    // Interrupted when the line gave up on it: it did not go.
                }
                sleeps[place] = sleepsSoFar() - sleptBefore;
            }, "caller " + (place + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
            TimeUnit.NANOSECONDS.sleep(apart.toNanos());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            thread.interrupt();
        }
        for (Thread thread : threads) {
            thread.join(500);
        }
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            callers.add(new Caller(i + 1, called[i], went[i], sleeps[i]));
        }
        return callers;
    }

    /** One line per caller: when it called, when it went, its turn, and how often it slept. */
    public static String table(List<Caller> callers) {
        List<Caller> byTurn = callers.stream().filter(Caller::went)
                .sorted(java.util.Comparator.comparingDouble(Caller::wentMs)).toList();
        StringBuilder text = new StringBuilder("caller  called at  went at  turn  slept\n");
        for (Caller caller : callers) {
            int turn = byTurn.indexOf(caller) + 1;
            text.append(String.format(Locale.ROOT, "%6d  %6.0f ms  %s  %4s  %5d%n", caller.number(), caller.calledMs(),
                    caller.went() ? String.format(Locale.ROOT, "%4.0f ms", caller.wentMs()) : " did not",
                    turn == 0 ? "-" : String.valueOf(turn), caller.sleeps()));
        }
        long total = callers.stream().mapToLong(Caller::sleeps).sum();
        long outOfTurn = callers.stream().filter(c -> c.went() && byTurn.indexOf(c) + 1 != c.number()).count();
        return text.append(String.format(Locale.ROOT, "%d callers went to sleep %d times in all; %d went out of turn.",
                callers.size(), total, outOfTurn)).toString();
    }

    /** Each caller's wait as a bar, top to bottom in the order they called: a staircase when first come is first served. */
    public static BufferedImage chart(String title, List<Caller> callers) {
        Timeline timeline = Timeline.titled(title).xAxisTitle("ms since the first call");
        for (Caller caller : callers) {
            String row = "caller " + caller.number();
            if (caller.went()) {
                timeline.bar(row, caller.calledMs(), caller.wentMs(), "waiting");
                timeline.bar(row, caller.wentMs(), caller.wentMs(), "let through");
            } else {
                timeline.bar(row, caller.calledMs(), caller.calledMs(), "never let through");
            }
        }
        return timeline.image();
    }

    private static long sleepsSoFar() {
        return THREADS.getThreadInfo(Thread.currentThread().threadId()).getWaitedCount();
    }

    private static double millisSince(long origin) {
        return (System.nanoTime() - origin) / 1e6;
    }
}
