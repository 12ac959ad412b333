package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances.Ch02;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import ai.asyncjava.kit.exercises.ch02.RateLimiterFactory;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 02's sliding-window limiter. Every moment is read on the
 * check's side right after {@code acquire()} returns; see {@link Admissions} for the
 * allowance that makes for a busy machine.
 */
@HiddenChecks(secondsPerCheck = 3)
class SlidingWindowChecks {

    @Test
    @Order(1)
    @DisplayName("lets the first requests, up to the limit, through at once")
    void firstLimitAtOnce(RateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(5, Duration.ofMillis(400));
        BlockingProbes.firstGoAtOnce(Limits.slidingWindow(factory, rule), rule.limit(), rule);
    }

    @Test
    @Order(2)
    @DisplayName("never lets more than the limit through within one interval, one request after another")
    void oneAfterAnother(RateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(5, Duration.ofMillis(250));
        RateLimiter limiter = Limits.slidingWindow(factory, rule);
        int calls = 2 * rule.limit() + 1;
        Admissions admissions = new Admissions(System.nanoTime());
        for (int i = 0; i < calls; i++) {
            limiter.acquire();
            admissions.record();
        }
        rule.assertKept(admissions, "Calling acquire() " + calls + " times one after another, ");
    }

    @Test
    @Order(3)
    @DisplayName("lets a waiting request through when the oldest one leaves the window, not before or after")
    void waiterGoesWhenOldestLeaves(RateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(4, Duration.ofMillis(600));
        RateLimiter limiter = Limits.slidingWindow(factory, rule);
        long origin = System.nanoTime();
        try (Callers callers = new Callers(limiter::acquire, origin)) {
            // 1 request at 0 ms, 3 at 500 ms: the window is full. 2 more at 550 ms must wait, one
            // until the request of 0 ms is an interval old (600 ms), the other for those of 500 ms
            // (1100 ms). The newest came late in the window and the waiters later still, so a
            // limiter that waits for the newest to leave (1100 ms) or a whole interval from now
            // (1150 ms) lets the first waiter go 500 ms late or more, twice what the check allows.
            callers.launch();
            sleepUntil(origin + 500_000_000);
            callers.launchTogether(3);
            sleepUntil(origin + 550_000_000);
            callers.launchTogether(2);
            callers.awaitAll(origin + 1_100_000_000 + 2 * Ch02.WAITER_LATE.nanos());
            BlockingProbes.failOnException(callers);
            rule.assertKept(callers.admissions(), "");
            long[] freedAt = {
                callers.endedAt(0) + rule.interval().toNanos(),
                earliest(callers.endedAt(1), callers.endedAt(2), callers.endedAt(3)) + rule.interval().toNanos()};
            long[] waiters = {callers.endedAt(4), callers.endedAt(5)};
            Arrays.sort(waiters);
            for (int i = 0; i < 2; i++) {
                if (waiters[i] == 0) {
                    fail("Two requests came at 550 ms, when the window was full; " + (i == 0 ? "both" : "one")
                            + " of them were still waiting after " + Wording.nanos(System.nanoTime() - origin)
                            + callers.whereWaiting() + ". " + Wording.capitalised(rule.describe())
                            + ", so they should go at about 600 ms and 1.1 s.");
                }
                if (waiters[i] > freedAt[i] + Ch02.WAITER_LATE.nanos()) {
                    fail("A waiting request went through at " + callers.admissions().msAfterStart(waiters[i])
                            + " ms, though a slot was free from " + callers.admissions().msAfterStart(freedAt[i]) + " ms, when "
                            + (i == 0 ? "the oldest request" : "the next oldest") + " left the window (" + rule.describe()
                            + "; the check allows " + Wording.duration(Ch02.WAITER_LATE.get()) + " more). Wait only "
                            + "until the oldest request in the window is an interval old: not a whole interval from "
                            + "now, and not until the newest has left.");
                }
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("lets 3 × the limit through in about 2 intervals")
    void threeBatchesInTwoIntervals(RateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(10, Duration.ofMillis(500));
        BlockingProbes.burstInBestTime(Limits.slidingWindow(factory, rule), rule, 3 * rule.limit(),
                "Let requests go as soon as the window has room: no pause between requests, and no waiting longer "
                        + "than until the oldest leaves the window.");
    }

    @Test
    @Order(5)
    @DisplayName("holds the limit when 200 threads call acquire() at once")
    void twoHundredThreads(RateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(50, Duration.ofMillis(250));
        BlockingProbes.burst(Limits.slidingWindow(factory, rule), rule, 200,
                "With 200 threads calling at once, ");
    }

    @Test
    @Order(6)
    @DisplayName("gives no extra slots to threads that call acquire() at the same instant")
    void racersGetNoExtraSlots(RateLimiterFactory factory) throws Exception {
        BlockingProbes.racersGetNoExtraSlots(limit -> new Rule.Window(limit, Duration.ofSeconds(10)),
                rule -> Limits.slidingWindow(factory, rule));
    }

    @Test
    @Order(7)
    @DisplayName("waiting threads use no processor time")
    void waitingUsesNoCpu(RateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(10, Duration.ofSeconds(3));
        BlockingProbes.waitersUseNoCpu(Limits.slidingWindow(factory, rule), rule.limit(), rule);
    }

    @Test
    @Order(8)
    @DisplayName("a waiting thread that is interrupted stops at once with InterruptedException")
    void interruptStopsWaiter(RateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(1, Duration.ofSeconds(2));
        BlockingProbes.interruptedWaiterStops(Limits.slidingWindow(factory, rule), rule);
    }

    @Test
    @Order(9)
    @DisplayName("an interrupted waiter's place goes to the next request, with no time lost")
    void interruptedPlaceGoesToNext(RateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(1, Duration.ofMillis(500));
        BlockingProbes.interruptedWaiterLeavesNoGap(Limits.slidingWindow(factory, rule), rule.interval().toNanos(), rule);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** The earliest of the moments that happened (0 means "not yet"). */
    private static long earliest(long... moments) {
        return Arrays.stream(moments).filter(m -> m != 0).min().orElse(0);
    }
}
