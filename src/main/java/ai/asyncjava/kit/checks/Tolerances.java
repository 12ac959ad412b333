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

    private Tolerances() {}

    /** The slowdown factor in force: 1 unless {@value #SLOWDOWN_PROPERTY} says more. */
    public static double slowdown() {
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
}
