package ai.asyncjava.solutions.ch02;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch02.Chapter02;
import ai.asyncjava.kit.exercises.ch02.RateLimiterFactory;
import ai.asyncjava.solutions.ch02.mutants.CheckThenActRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.FixedWindowRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.NoRecheckRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.OffByOneRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.PacedRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.PollingRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.RecordsArrivalTimeRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.ReservingRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.SleepsHoldingLockRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.SleepsWholeIntervalRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.SpinningRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.SwallowsInterruptRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.UnguardedRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.WholeSecondsRateLimiter;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The sliding-window checks pass on the reference solution and each catches a mutant. */
class SlidingWindowChecksTest {

    private static final String FIRST_AT_ONCE = "lets the first requests, up to the limit, through at once";
    private static final String ONE_AFTER_ANOTHER = "never lets more than the limit through within one interval, one request after another";
    private static final String WAITER_ON_TIME = "lets a waiting request through when the oldest one leaves the window, not before or after";
    private static final String THREE_BATCHES = "lets 3 × the limit through in about 2 intervals";
    private static final String TWO_HUNDRED = "holds the limit when 200 threads call acquire() at once";
    private static final String RACERS = "gives no extra slots to threads that call acquire() at the same instant";
    private static final String NO_CPU = "waiting threads use no processor time";
    private static final String INTERRUPT_STOPS = "a waiting thread that is interrupted stops at once with InterruptedException";
    private static final String NO_GAP = "an interrupted waiter's place goes to the next request, with no time lost";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<RateLimiterFactory>of(Chapter02.SLIDING_WINDOW, "SlidingWindowRateLimiter", SlidingWindowRateLimiter::new)
                .mutant("OffByOneRateLimiter", OffByOneRateLimiter::new, ONE_AFTER_ANOTHER, TWO_HUNDRED)
                .mutant("WholeSecondsRateLimiter", WholeSecondsRateLimiter::new, ONE_AFTER_ANOTHER, TWO_HUNDRED)
                .mutant("RecordsArrivalTimeRateLimiter", RecordsArrivalTimeRateLimiter::new, ONE_AFTER_ANOTHER)
                .mutant("PacedRateLimiter", PacedRateLimiter::new, FIRST_AT_ONCE, THREE_BATCHES)
                .mutant("SleepsWholeIntervalRateLimiter", SleepsWholeIntervalRateLimiter::new, WAITER_ON_TIME)
                .mutant("FixedWindowRateLimiter", FixedWindowRateLimiter::new, WAITER_ON_TIME)
                .mutant("NoRecheckRateLimiter", NoRecheckRateLimiter::new, TWO_HUNDRED, THREE_BATCHES)
                .mutant("UnguardedRateLimiter", UnguardedRateLimiter::new, RACERS)
                .mutant("CheckThenActRateLimiter", CheckThenActRateLimiter::new, RACERS)
                .mutant("PollingRateLimiter", PollingRateLimiter::new, NO_CPU)
                .mutant("SpinningRateLimiter", SpinningRateLimiter::new, NO_CPU)
                .mutant("SwallowsInterruptRateLimiter", SwallowsInterruptRateLimiter::new, INTERRUPT_STOPS)
                .mutant("SleepsHoldingLockRateLimiter", SleepsHoldingLockRateLimiter::new, INTERRUPT_STOPS)
                .mutant("ReservingRateLimiter", ReservingRateLimiter::new, NO_GAP)
                .tests();
    }
}
