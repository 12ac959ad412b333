package ai.asyncjava.kit.checks;

import java.time.Duration;
import java.util.Locale;

/**
 * Every timing allowance of the checks, in one place, and the one slowdown factor that scales
 * them all.
 *
 * <p>An allowance is how much later (or earlier) than ideal something may happen before a
 * check calls it a bug. Each is as wide as a loaded two-core machine needs, and no wider than
 * the mutant named in its comment allows: widen one and that mutant slips through. The
 * scenarios themselves (a quota of 5 per 500 ms, a call that takes 400 ms) are not allowances;
 * they stay beside the checks that stage them.
 *
 * <p>A machine that is slower than the one the allowances were tuned on, or a grader that runs
 * several JVMs at once, sets the system property {@value #SLOWDOWN_PROPERTY} (for example
 * {@code -Dcourse.checks.slowdown=2}): every allowance and every check's time limit grows by
 * that factor, while the scenarios stay as they are.
 */
public final class Tolerances {

    /** The system property that holds the slowdown factor: a number, 1 or more. */
    public static final String SLOWDOWN_PROPERTY = "course.checks.slowdown";

    /** A factor fixed by the grader, which learner code must not loosen; NaN while none is. */
    private static volatile double fixedFactor = Double.NaN;

    private Tolerances() {}

    /**
     * Fixes the slowdown factor for the rest of this JVM's life, whatever the system property says
     * later. The grader calls this before it runs a submission's cells, so a submission cannot
     * widen the allowances by setting the property; it may be called once.
     */
    public static synchronized void fixSlowdown(double factor) {
        if (!Double.isNaN(fixedFactor)) {
            throw new IllegalStateException("the slowdown factor is already fixed at " + fixedFactor);
        }
        if (!(factor >= 1 && factor <= 100)) {
            throw new IllegalArgumentException("a slowdown factor must be from 1 to 100, not " + factor);
        }
        fixedFactor = factor;
    }

    /** The slowdown factor in force: 1 unless {@value #SLOWDOWN_PROPERTY} (or the grader) says more. */
    public static double slowdown() {
        double fixed = fixedFactor;
        if (!Double.isNaN(fixed)) {
            return fixed;
        }
        String value = System.getProperty(SLOWDOWN_PROPERTY);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            double factor = Double.parseDouble(value.trim());
            if (factor >= 1 && factor <= 100) {
                return factor;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("the system property " + SLOWDOWN_PROPERTY + " is \"" + value
                + "\"; it must be a number from 1 to 100, such as 2 for a machine half as fast");
    }

    /** {@code duration} times the slowdown factor. */
    public static Duration scaled(Duration duration) {
        return Duration.ofNanos(Math.round(duration.toNanos() * slowdown()));
    }

    /**
     * One allowance: a duration at a slowdown of 1, read through {@link #get()} so that the factor
     * in force when the check runs applies.
     */
    public record Allowance(Duration atFactorOne) {

        public static Allowance millis(long millis) {
            return new Allowance(Duration.ofMillis(millis));
        }

        /** The allowance under the slowdown factor in force now. */
        public Duration get() {
            return scaled(atFactorOne);
        }

        public long nanos() {
            return get().toNanos();
        }

        public long millis() {
            return get().toMillis();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d ms", millis());
        }
    }

    // ---- The harness: every chapter --------------------------------------------------------

    /** How long threads the learner's code started get to end by themselves once it returned. */
    public static final Allowance LEFTOVER_THREADS_GRACE = Allowance.millis(500);
    /** How long stopped learner code gets to unwind after an interrupt, before it is called stuck. */
    public static final Allowance STOP_AFTER_INTERRUPT = Allowance.millis(1_500);
    /**
     * The least time a check is started with: below this it would fail for want of time, not for
     * a bug. Not scaled: the budget it is compared with is scaled already.
     */
    public static final Duration SHORTEST_USEFUL_LIMIT = Duration.ofMillis(500);

    // ---- Chapter 00: warm-ups -----------------------------------------------------------------

    /** The allowances of chapter 00's checks (mutants in {@code solutions/.../ch00/mutants}). */
    public static final class Ch00 {

        private Ch00() {}

        /**
         * How long a place of a bounded fan-out may stay free while requests wait: a loaded
         * machine wakes threads late. {@code GroupByGroupFanOut} leaves places free for 440 ms.
         */
        public static final Allowance HANDOVER = Allowance.millis(200);
        /**
         * How much longer than its ideal schedule (400 ms) a bounded fan-out may take.
         * {@code OneAtATimeBoundedFanOut} takes 1.6 s.
         */
        public static final Allowance RUN_OVER_IDEAL = Allowance.millis(300);
        /**
         * Calls that end this close together may reach the caller in either order. The check's
         * calls end 100 ms apart, so {@code InRequestOrderFirstAnswers}'s order still shows.
         */
        public static final Allowance SAME_MOMENT = Allowance.millis(50);
        /**
         * How late an answer, a timeout or firstAnswers' return may reach the caller.
         * {@code WaitsForAllFirstAnswers} returns 1.3 s late, {@code SleepsOutTheTimeoutCall}
         * 1.35 s, {@code WaitsForTheAnswerTimeoutCall} 1.2 s.
         */
        public static final Allowance LATENESS = Allowance.millis(300);
        /**
         * How long a call the learner's code gave up on may take to end once it returned.
         * {@code NeverCancelsTimeoutCall} and {@code LeavesTheRestRunningFirstAnswers} let
         * calls run on for a second or more.
         */
        public static final Allowance CALL_END_GRACE = Allowance.millis(300);
    }

    // ---- Chapter 01: fan-out with the Gemini SDK ------------------------------------------------

    /** The allowances of chapter 01's checks (mutants in {@code solutions/.../ch01/mutants}). */
    public static final class Ch01 {

        private Ch01() {}

        /**
         * How much longer than one call (400 ms) five calls sent together may take on the
         * simulator: under one call more, so a second round cannot fit. {@code FourThreadPoolFanOut}
         * needs two calls' time, {@code OneAfterAnotherFanOut} five.
         */
        public static final Allowance OVER_ONE_CALL = Allowance.millis(400);
    }

    // ---- Chapter 02: rate limiters -----------------------------------------------------------

    /** The allowances of chapter 02's rate-limiter checks (mutants in {@code solutions/.../ch02/mutants}). */
    public static final class Ch02 {

        private Ch02() {}

        /**
         * How much closer together than a rule allows two admissions may look: the check reads
         * the clock after {@code acquire()} returns, so a moment can only look later than it was.
         * The crowds it must still see are far tighter: {@code OffByOneRateLimiter} lets a 6th
         * request through in the same instant, {@code FixedWindowRateLimiter} lets the next
         * window's requests go 100 ms after the last one's.
         */
        public static final Allowance ADMISSION_EARLY = Allowance.millis(60);
        /**
         * How late a request may go after the moment it could have. {@code PacedRateLimiter}
         * sends the 5th of a first burst 320 ms late; {@code ReservingRateLimiter},
         * {@code BorrowingBucket} and {@code LosesCancelledSlotFifoLimiter} let the next waiter go
         * a whole interval (400 or 500 ms) late.
         */
        public static final Allowance LATE = Allowance.millis(200);
        /**
         * How late a waiting request may go after the oldest request in a full window left it;
         * a loaded machine delayed one by 188 ms. {@code SleepsWholeIntervalRateLimiter} goes
         * 550 ms late, {@code WaitsForNewestToLeaveRateLimiter} 500 ms.
         */
        public static final Allowance WAITER_LATE = Allowance.millis(250);
        /**
         * How late the last of 3 × the limit may complete in the FIFO limiter: timer threads ran
         * 300 ms late in a crowded kernel. {@code OneTimerFifoLimiter} needs 8 s, 7 s late.
         */
        public static final Allowance FIFO_LATE = Allowance.millis(400);
        /**
         * How much longer than its best time step 2's askAll may take (15 prompts under a quota
         * of 5 per 500 ms). {@code OneAfterAnotherLimitedFanOut} takes seconds longer.
         */
        public static final Allowance FAN_OUT_LATE = Allowance.millis(400);
        /**
         * How long before the limiter's acquire() returned the simulator may seem to see a
         * request arrive (its clock is read a moment apart from the check's).
         * {@code SendsThenAcquiresFanOut}'s requests arrive 100 ms or more before.
         */
        public static final Allowance ARRIVAL_BEFORE_ACQUIRE = Allowance.millis(1);
        /** How long one call of the FIFO limiter's acquire() may take; {@code BlocksInAcquireFifoLimiter} waits 400 ms in it. */
        public static final Allowance QUICK_CALL = Allowance.millis(100);
        /**
         * How long an interrupted waiter may take to leave acquire(). {@code SleepsHoldingLockRateLimiter}'s
         * waiter queues on the lock for 2 s; {@code SwallowsInterruptRateLimiter}'s never leaves.
         */
        public static final Allowance PROMPT_STOP = Allowance.millis(250);
        /**
         * How long the callers still waiting when a check ends may take to stop once interrupted,
         * before the check says they ignore interrupts ({@code SwallowsInterruptBucket} never stops).
         */
        public static final Allowance CALLERS_STOP = Allowance.millis(500);
        /**
         * The processor time all Java threads together may use while 1000 threads wait in a
         * limiter for 600 ms. A correct limiter's waiters sleep: under 10 ms measured.
         * {@code PollingRateLimiter}, {@code SpinningRateLimiter}, {@code PollingBucket} and
         * {@code PollingFifoLimiter} use several hundred ms, even when other programs compete.
         */
        public static final Allowance CPU_WHILE_WAITING = Allowance.millis(60);
        /**
         * How long racing threads may take for a step of a round (to go, or to stop once
         * interrupted) before they count as stuck; {@code SwallowsInterruptRateLimiter}'s never stop.
         */
        public static final Allowance RACE_STEP = Allowance.millis(500);
        /**
         * Once a hammered limiter let its number through, how long an extra call gets to show
         * up; {@code UnguardedRateLimiter}'s lost updates show within microseconds. Waiting
         * longer only makes the check surer.
         */
        public static final Allowance HAMMERING_SETTLE = Allowance.millis(20);
        /**
         * How long hammering threads get to make the limiter let its number through (thousands of
         * quick calls) before the check stops waiting for them. Waiting longer only makes the
         * check surer: cut short, {@code UnguardedRateLimiter}'s and {@code UnguardedBucket}'s
         * extra slots may not have shown yet.
         */
        public static final Allowance HAMMERING_WAIT = Allowance.millis(500);
    }

    // ---- Chapter 03, data pipelines -----------------------------------------------------------

    /** Chapter 03's allowances. */
    public static final class Ch03 {

        private Ch03() {}

        /**
         * The processor time all Java threads together may use in the 300 ms that a pipeline waits
         * for its source: blocked workers and writer use none (under 10 ms measured here). Workers
         * that spin on {@code queue.poll()} (mutant SpinningWorkersPipeline) use one or two whole
         * cores, several hundred ms, even when other programs compete for them.
         */
        public static final Allowance CPU_WHILE_WAITING = Allowance.millis(60);

        /**
         * How long a cancelled run (its thread interrupted while every worker waits for the model)
         * may take to end. The reference ends within a few ms; a worker that retries on
         * {@code catch (Exception e)} (mutant CatchesExceptionWorkerPipeline) carries on and never ends.
         */
        public static final Allowance CANCELLED_RUN_ENDS = Allowance.millis(500);
    }

    /** Chapter 04: the batchers, the embedding stage and the batched pipeline. */
    public static final class Ch04 {

        private Ch04() {}

        /**
         * How late a batch (or a result) may go out after the moment it should, on a busy
         * machine. Still catches SendsFullBatchOnNextItemBatcher (its last full batch goes some
         * 360 ms late, at the timeout), RestartsTimerOnEveryItemBatcher (its first item waits over
         * 700 ms past the timeout) and EmbedsOnTheBatchersThreadPipeline (a text's result comes
         * 300 ms and more late, behind the batcher's own embedding call).
         */
        public static final Allowance LATE = Allowance.millis(150);
        /**
         * How early a partial batch may go before its first item has waited the timeout (clock
         * rounding). Still catches FlushesWhenQueueRunsDryBatcher and StartsClockBeforeFirstItemBatcher,
         * whose partial batches go 150 ms and more early.
         */
        public static final Allowance EARLY = Allowance.millis(25);
        /**
         * How soon after its last item an adaptive batcher sends a batch that nothing can join in
         * time. Still catches NeverAdaptsBatcher (such items wait 150 ms) and
         * ComparesGapWithMaxWaitBatcher (220 ms).
         */
        public static final Allowance AT_ONCE = Allowance.millis(100);
        /**
         * The processor time the whole program may use while the learner's threads have nothing
         * to do but wait, over a 400 ms window of {@code CpuWhileWaiting}. The references use
         * about 1 ms; SpinsOnPollBatcher, SpinsWhileBatchPendingBatcher, SpinsOnPollEmbedder and
         * SpinningLoggerPipeline use 300 to 400 ms (a spinning thread keeps well over 60 ms of a
         * core even when other programs compete for it).
         */
        public static final Allowance CPU_WHILE_WAITING = Allowance.millis(60);
        /**
         * How long a batcher gets, after the end marker arrives, to pass it on and return. A
         * correct one needs a few ms; KeepsReadingAfterEndBatcher and ForgetsEndMarkerBatcher
         * never do it at all, so this only bounds the check's time.
         */
        public static final Allowance BATCHER_END_WAIT = Allowance.millis(800);
        /**
         * How long an embedding stage gets to finish four batches (one call of 40 ms each) and
         * return. PassesEndBeforeResultsEmbedder is caught by order, not by time: this only bounds
         * the check's time.
         */
        public static final Allowance STAGE_END_WAIT = Allowance.millis(2_000);
        /**
         * How long results still on their way (calls in flight on other threads) get once an
         * embedding stage has returned and passed the marker on. CollectsIntoMapEmbedder's missing
         * results never come, so this only bounds the check's time.
         */
        public static final Allowance STRAGGLERS = Allowance.millis(300);
        /**
         * How long a pipeline gets to finish after the end marker: a few calls of 40 ms and the
         * sink's work. WaitsOnlyForTheBatcherPipeline is caught by what reaches the sink after
         * run() returns, not by time: this only bounds the check's time.
         */
        public static final Allowance PIPELINE_END_WAIT = Allowance.millis(1_500);
    }

    // ---- Chapter 05: web crawlers ------------------------------------------------------------

    /** The allowances of chapter 05's checks (mutants in {@code solutions/.../ch05/mutants}). */
    public static final class Ch05 {

        private Ch05() {}

        /**
         * How long one crawl of the check's site may take before it is stopped: the crawls take
         * 0.2 to 0.8 s. HangsAfterBrokenPageCrawler and NeverEndsCrawler never return, so this only
         * bounds the check's time.
         */
        public static final Allowance CRAWL_LIMIT = Allowance.millis(2_500);
        /**
         * How long the page fetcher's checks give it for the whole site, fetched one page after
         * another with no latency (about 50 fetches in 0.1 to 0.5 s). A fetcher that never answers is
         * caught by this limit; no mutant needs it tighter.
         */
        public static final Allowance FETCH_LIMIT = Allowance.millis(3_000);
        /**
         * How long the polite crawl may take: 32 requests to two hosts at 10 per 300 ms take about
         * a second. UnlimitedPoliteCrawler is caught by its request counts, not by time.
         */
        public static final Allowance POLITE_CRAWL_LIMIT = Allowance.millis(4_000);
        /**
         * How long the check keeps watching the output queue and the site after crawl() returned,
         * for pages put late and requests still being answered. EndMarkerFirstCrawler's pages come
         * within a few ms of its marker.
         */
        public static final Allowance STRAGGLERS = Allowance.millis(150);
        /**
         * How far short of its worker count a crawler's peak of requests in flight may fall (a
         * worker that is between two pages at the busiest moment). Not a time: not scaled. Still
         * catches LockedFetchCrawler (peak 1) and TwoWorkersCrawler (peak 2 of 4).
         */
        public static final int MISSING_WORKERS = 1;
        /**
         * How many new connections beyond two per worker the site may see in one crawl (the client
         * replacing one it found closed). Not scaled. ClientPerRequestCrawler opens one per request,
         * 50 and more.
         */
        public static final int EXTRA_CONNECTIONS = 2;
        /**
         * How much shorter than the site's window the check's sliding window is when it counts a
         * polite crawler's requests: the time between a limiter's permit and the request's arrival
         * varies by up to 10 ms and more on a busy machine. Still catches UnlimitedPoliteCrawler and
         * LimiterPerRequestPoliteCrawler (all 30 pages within 100 ms) and RedirectWithoutPermitPoliteCrawler
         * (11 requests in a burst of 10 permits).
         */
        public static final Allowance WINDOW_JITTER = Allowance.millis(40);
        /**
         * The processor time the program may use over the 300 ms in which one slow page is fetched
         * and every other worker has nothing to do. The reference uses about 1 ms; SpinningCrawler,
         * whose idle workers loop around poll(), uses 250 ms and more.
         */
        public static final Allowance CPU_WHILE_WAITING = Allowance.millis(60);
    }

    // ---- Chapter 06: function-calling agents -------------------------------------------------

    /** The allowances of chapter 06's checks (mutants in {@code solutions/.../ch06/mutants}). */
    public static final class Ch06 {

        private Ch06() {}

        /**
         * How long an agent's question may take before it is stopped: three model replies and two
         * rounds of searches take about 4 s. NoTimeoutAgent waits for ever on the hanging search, so
         * this only bounds the check's time.
         */
        public static final Allowance AGENT_LIMIT = Allowance.millis(6_500);
        /**
         * How long after its call reached the agent's code (the SDK reads one chunk ahead) a search
         * may start. As-they-appear agents start within a few ms; SearchesAfterStreamAgent starts
         * its first search 450 ms and more after its call, when the stream has ended.
         */
        public static final Allowance START_AFTER_CALL = Allowance.millis(150);
        /**
         * How far short of a round's four calls the peak of searches in flight may fall. Not a time:
         * not scaled. OneSearchAtATimeAgent reaches 1.
         */
        public static final int MISSING_SEARCHES = 1;
        /**
         * How long past the search timeout a hanging search may still run before it counts as not
         * cancelled. The reference cancels it within a few ms of the deadline.
         */
        public static final Allowance CANCEL_LATE = Allowance.millis(400);
    }

    /** Chapter 07: production patterns. */
    public static final class Ch07 {

        private Ch07() {}

        /**
         * How long a settled fan-out may take beyond its slowest call. The reference returns within
         * a few ms of it; OneAtATimeSettledFanOut takes the sum of the calls.
         */
        public static final Allowance SETTLED_OVER_SLOWEST = Allowance.millis(400);
        /**
         * How long after a method returned the simulator may still show one of its calls in flight: it
         * notes a call's end just after writing its last byte. ReturnsEarlySettledFanOut leaves calls
         * running for 200 ms and more.
         */
        public static final Allowance CALL_END_GRACE = Allowance.millis(150);
        /**
         * How much longer than its ceiling a retrier may wait before a retry (the wait is measured on
         * the simulator, from the failure's answer to the next try's arrival). JitterOnTopRetrier waits
         * up to twice the ceiling.
         */
        public static final Allowance RETRY_LATE = Allowance.millis(150);
        /** How much sooner than a 429's RetryInfo delay the next try may come. IgnoresRetryInfoRetrier comes within 100 ms. */
        public static final Allowance RETRY_EARLY = Allowance.millis(50);
        /**
         * The least spread, as a share of the first retry's ceiling (200 ms), of 30 clients' first
         * retries after failing together. Not a time: not scaled. Full jitter spreads them over
         * about 190 ms; NoJitterRetrier within a few ms.
         */
        public static final double JITTER_SPREAD = 0.3;
        /**
         * The least ratio of the mean wait before the third retry to the mean wait before the first
         * (the ceilings double: 4× expected, 2.1× at three standard deviations of 30 clients). Not a
         * time. NoBackoffRetrier's ratio is about 1.
         */
        public static final double BACKOFF_GROWTH = 1.7;
        /**
         * How much longer than its bound (embedding + the slower search, or the search timeout, +
         * the answer) a RAG request may take. The reference takes about 20 ms more.
         */
        public static final Allowance RAG_OVER_BOUND = Allowance.millis(250);
        /**
         * How long after its deadline a budgeted request may end, and its call in flight be closed.
         * The SDK's call timeout fires within a few ms; FreshBudgetChain ends 300 ms late.
         */
        public static final Allowance DEADLINE_LATE = Allowance.millis(200);
        /** How long before its deadline a budgeted request may give up (not scaled). SplitEvenlyChain gives up 800 ms early. */
        public static final Allowance DEADLINE_EARLY = Allowance.millis(100);
        /** How much sooner than the hedging delay the second copy may go (not scaled). HedgesAtOnceCall sends it at once. */
        public static final Allowance HEDGE_EARLY = Allowance.millis(30);
        /** How much later than the hedging delay the second copy may go. The reference sends it within a few ms. */
        public static final Allowance HEDGE_LATE = Allowance.millis(150);
        /**
         * How long after the winner's answer the losing copy may still run on the server. The reference
         * closes it within a few ms; NoCancelHedgedCall and PlatformThreadsHedgedCall never do.
         */
        public static final Allowance LOSER_CLOSED = Allowance.millis(300);
        /**
         * How long after the SDK could hand a chunk over its text may reach the sink. The reference
         * passes it on within a ms; CollectsFirstRelay waits for the whole answer, 750 ms more.
         */
        public static final Allowance PIECE_LATE = Allowance.millis(100);
        /**
         * How long after the sink had enough the stream's connection may still be open. Closing a
         * ResponseStream takes about 100 ms (OkHttp tries to read the rest first); KeepsReadingRelay
         * reads on for 600 ms, NeverClosesRelay never closes.
         */
        public static final Allowance STREAM_CLOSED = Allowance.millis(300);
        /**
         * How long after the SDK could hand a chunk over its token event may reach the service's client,
         * over HTTP. The reference's reaches it 1-9 ms after (20 runs); BufferedAnswerService waits for
         * the whole answer, 500 ms more.
         */
        public static final Allowance EVENT_LATE = Allowance.millis(200);
        /**
         * How long after recording the exchange began the response may end at the client (recording
         * takes 500 ms). The reference's ends at most 2 ms after (20 runs); RecordsFirstAnswerService's
         * after the whole 500 ms.
         */
        public static final Allowance RESPONSE_AFTER_RECORD = Allowance.millis(250);
        /**
         * How long after its client hung up a request's model stream may still run. The service notices
         * at its next event or the one after (chunks come 100 ms apart), and closing the stream takes
         * about 100 ms more: the reference's stream closes 299-307 ms after (20 runs).
         * KeepsStreamingAnswerService reads on to the end, 1.8 s.
         */
        public static final Allowance HANG_UP_NOTICED = Allowance.millis(700);
        /**
         * How long 16 users at once may wait for all their answers (one takes 650 ms). The reference
         * serves them all in 0.58-0.61 s (20 runs); SerialAnswerService would take over 10 s.
         */
        public static final Allowance MANY_USERS = Allowance.millis(3_000);
        /**
         * The least share of 16 users' model calls in flight at once (not a time). The reference has
         * all 16; SmallPoolAnswerService, a pool of four threads, has four.
         */
        public static final double USERS_AT_ONCE = 0.75;
    }
}
