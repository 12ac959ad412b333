package ai.asyncjava.kit.checks.ch02;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.CpuWhileWaiting;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances.Ch02;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiter;
import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiterFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 02's FIFO limiter, whose {@code acquire()} returns a future.
 * The moment a request may go is the moment its future completes, recorded by a callback.
 */
@HiddenChecks(secondsPerCheck = 3)
class FifoRateLimiterChecks {

    @Test
    @Order(1)
    @DisplayName("acquire() returns at once, and the first futures up to the limit are already complete")
    void returnsAtOnce(AsyncRateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(5, Duration.ofMillis(400));
        long origin = System.nanoTime();
        try (AsyncRateLimiter limiter = Limits.fifo(factory, rule)) {
            Tickets tickets = new Tickets(limiter, origin);
            tickets.take(rule.limit() + 3);
            if (tickets.slowestCallNanos() > Ch02.QUICK_CALL.nanos()) {
                fail("The " + Wording.ordinal(tickets.slowestCall() + 1) + " call of acquire() took "
                        + Wording.nanos(tickets.slowestCallNanos()) + " to return. acquire() must never wait: it returns a "
                        + "future at once, and the future completes when the request may go.");
            }
            Thread.sleep(Ch02.LATE.get());
            tickets.failOnException();
            long done = IntStream.range(0, rule.limit()).filter(i -> tickets.future(i).isDone()).count();
            if (done < rule.limit()) {
                fail("Only " + done + " of the first " + rule.limit() + " futures were complete "
                        + Wording.duration(Ch02.LATE.get()) + " after they were asked for; " + rule.describe()
                        + ", so a new limiter lets " + rule.limit() + " requests go at once.");
            }
            rule.assertKept(tickets.admissions(), "");
        }
    }

    @Test
    @Order(2)
    @DisplayName("completes the futures in the order acquire() was called")
    void firstComeFirstServed(AsyncRateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(3, Duration.ofMillis(300));
        int count = 4 * rule.limit();
        try (AsyncRateLimiter limiter = Limits.fifo(factory, rule)) {
            Tickets tickets = new Tickets(limiter, System.nanoTime());
            tickets.takeQuickly(count);
            awaitAll(tickets, rule);
            List<Integer> order = tickets.completionOrder();
            List<Integer> expected = IntStream.range(0, count).boxed().toList();
            if (!order.equals(expected)) {
                fail("Futures asked for one after another completed in the order " + numbered(order)
                        + "; they must complete in the order acquire() was called, first come, first served. "
                        + "Add each new waiter at the back of the queue and release the one at the front.");
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("holds the limit when 200 threads call acquire() at once")
    void twoHundredThreads(AsyncRateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(50, Duration.ofMillis(250));
        try (AsyncRateLimiter limiter = Limits.fifo(factory, rule)) {
            Tickets tickets = new Tickets(limiter, System.nanoTime());
            List<Future<?>> calls = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    calls.add(threads.submit(() -> {
                        tickets.take();
                    }));
                }
            }
            for (Future<?> call : calls) {
                try {
                    call.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failed) {
                        throw failed;
                    }
                    fail("With 200 threads calling at once, acquire() threw " + Wording.thrownAt(e.getCause())
                            + ". Guard the limiter's state with a lock.");
                }
            }
            awaitAll(tickets, rule);
        }
    }

    @Test
    @Order(4)
    @DisplayName("lets 3 × the limit through in about 2 intervals")
    void threeBatchesInTwoIntervals(AsyncRateLimiterFactory factory) throws Exception {
        // Timer threads run late on a crowded machine (see Ch02.FIFO_LATE); a limiter with one
        // timer for everything needs 20 intervals, 8 s, so a wide margin costs nothing.
        Rule.Window rule = new Rule.Window(10, Duration.ofMillis(400));
        int count = 3 * rule.limit();
        try (AsyncRateLimiter limiter = Limits.fifo(factory, rule)) {
            Tickets tickets = new Tickets(limiter, System.nanoTime());
            tickets.takeQuickly(count);
            awaitAll(tickets, rule);
            Limits.assertInBestTime(tickets.admissions(), rule, count, "futures completed",
                    "Every slot must pass to the next waiter as soon as its interval is over: one timer per request "
                            + "that goes, not one for the whole limiter.", Ch02.FIFO_LATE);
        }
    }

    @Test
    @Order(5)
    @DisplayName("gives no extra slots to threads that call acquire() at the same instant")
    void racersGetNoExtraSlots(AsyncRateLimiterFactory factory) throws Exception {
        RaceRounds.assertNoExtraSlots(limit -> new Rule.Window(limit, Duration.ofSeconds(10)), rule -> {
            AsyncRateLimiter limiter = Limits.fifo(factory, rule);
            return new RaceRounds.Racer() {
                @Override
                public boolean goNow() {
                    CompletableFuture<Void> turn = limiter.acquire();
                    if (turn == null) {
                        fail("acquire() returned null; it must return a future that completes when the request may go.");
                    }
                    return turn.isDone();
                }

                @Override
                public void close() {
                    limiter.close();
                }
            };
        }, "got a completed future", "acquire() must never wait: it returns a future at once.");
    }

    @Test
    @Order(6)
    @DisplayName("a cancelled waiter's slot goes to the next one, with no time lost")
    void cancelledSlotGoesToNext(AsyncRateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(1, Duration.ofMillis(400));
        long interval = rule.interval().toNanos();
        try (AsyncRateLimiter limiter = Limits.fifo(factory, rule)) {
            Tickets tickets = new Tickets(limiter, System.nanoTime());
            tickets.takeQuickly(3);
            Thread.sleep(100);
            tickets.failOnException();
            long firstAt = tickets.completedAt(0);
            if (firstAt == 0) {
                fail("The 1st future of a new limiter was not complete after 100 ms; " + rule.describe()
                        + ", so it should be complete at once.");
            }
            if (tickets.future(1).isDone()) {
                fail("The 2nd future completed " + Wording.nanos(tickets.completedAt(1) - firstAt) + " after the 1st; "
                        + rule.describe() + ".");
            }
            tickets.future(1).cancel(false);
            long nextAt = 0;
            long deadline = firstAt + interval + 4 * Ch02.LATE.nanos();
            while (nextAt == 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);
                nextAt = tickets.completedAt(2);
            }
            tickets.failOnException();
            if (nextAt == 0) {
                fail("The 2nd future was cancelled while it waited; the 3rd should then complete "
                        + Wording.nanos(interval) + " after the 1st, but it was still waiting after "
                        + Wording.nanos(System.nanoTime() - firstAt) + ". Skip cancelled futures (complete() returns false "
                        + "for them) and give the slot to the next one.");
            }
            long after = nextAt - firstAt;
            if (after < interval - Ch02.ADMISSION_EARLY.nanos()) {
                fail("The 3rd future completed " + Wording.nanos(after) + " after the 1st; " + rule.describe() + " "
                        + Limits.allowing(Ch02.ADMISSION_EARLY) + ".");
            }
            if (after > interval + Ch02.LATE.nanos()) {
                fail("The 3rd future completed " + Wording.nanos(after) + " after the 1st. The 2nd had been cancelled "
                        + "while it waited, so the 3rd could go at " + Wording.nanos(interval) + " (the check allows "
                        + Wording.duration(Ch02.LATE.get()) + " more). The cancelled future kept the slot: when "
                        + "complete() returns false, pass the slot on to the next waiter.");
            }
        }
    }

    @Test
    @Order(7)
    @DisplayName("waiting costs no threads and no processor time")
    void waitingUsesNoCpu(AsyncRateLimiterFactory factory) throws Exception {
        Rule.Window rule = new Rule.Window(10, Duration.ofSeconds(3));
        int count = BlockingProbes.CPU_WAITERS;
        try (AsyncRateLimiter limiter = Limits.fifo(factory, rule)) {
            Tickets tickets = new Tickets(limiter, System.nanoTime());
            tickets.takeQuickly(count);
            Thread.sleep(Tolerances.scaled(BlockingProbes.CPU_SETTLE)); // the waiters settle into their wait first
            CpuWhileWaiting.Reading cpu = CpuWhileWaiting.measure(BlockingProbes.CPU_MEASURED, Ch02.CPU_WHILE_WAITING);
            tickets.failOnException();
            if (cpu.busy()) {
                fail("While " + tickets.pending() + " futures waited, " + cpu.described()
                        + ". Something keeps checking in a loop. A "
                        + "waiting request should be nothing but a future in a queue; one timer task per slot "
                        + "completes the next future when the slot's interval is over.");
            }
        }
    }

    /** Waits for every future (twice the best time, at least 600 ms more); fails on an exception, a broken rule or a future still pending. */
    private static void awaitAll(Tickets tickets, Rule rule) throws InterruptedException {
        long best = rule.bestTimeNanos(tickets.size());
        long wait = BlockingProbes.waitForAll(rule, tickets.size());
        tickets.awaitAll(tickets.admissions().origin() + wait);
        tickets.failOnException();
        rule.assertKept(tickets.admissions(), "");
        long pending = tickets.pending();
        if (pending > 0) {
            fail(pending + " of " + tickets.size() + " futures were still not complete after " + Wording.nanos(wait) + "; "
                    + rule.describe() + ", so all of them can complete within " + Wording.nanos(best) + ".");
        }
    }

    /** "1st, 2nd, 3rd, 12th, 11th, ..." for the order futures completed in. */
    private static String numbered(List<Integer> order) {
        List<String> ordinals = order.stream().map(i -> Wording.ordinal(i + 1)).toList();
        return String.join(", ", ordinals.size() > 12 ? ordinals.subList(0, 12) : ordinals) + (ordinals.size() > 12 ? ", ..." : "");
    }
}
