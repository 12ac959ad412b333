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
import ai.asyncjava.solutions.ch02.mutants.WaitsForNewestToLeaveRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.WholeSecondsRateLimiter;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The sliding-window checks pass on the reference solution and each catches a mutant. */
class SlidingWindowChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<RateLimiterFactory>of(Chapter02.SLIDING_WINDOW, "SlidingWindowRateLimiter", SlidingWindowRateLimiter::new)
                .mutant("OffByOneRateLimiter", OffByOneRateLimiter::new, "oneAfterAnother", "twoHundredThreads")
                .mutant("WholeSecondsRateLimiter", WholeSecondsRateLimiter::new, "oneAfterAnother", "twoHundredThreads")
                .mutant("RecordsArrivalTimeRateLimiter", RecordsArrivalTimeRateLimiter::new, "oneAfterAnother")
                .mutant("PacedRateLimiter", PacedRateLimiter::new, "firstLimitAtOnce", "threeBatchesInTwoIntervals")
                .mutant("SleepsWholeIntervalRateLimiter", SleepsWholeIntervalRateLimiter::new, "waiterGoesWhenOldestLeaves")
                .mutant("WaitsForNewestToLeaveRateLimiter", WaitsForNewestToLeaveRateLimiter::new, "waiterGoesWhenOldestLeaves")
                .mutant("FixedWindowRateLimiter", FixedWindowRateLimiter::new, "waiterGoesWhenOldestLeaves")
                .mutant("NoRecheckRateLimiter", NoRecheckRateLimiter::new, "twoHundredThreads", "threeBatchesInTwoIntervals")
                .mutant("UnguardedRateLimiter", UnguardedRateLimiter::new, "racersGetNoExtraSlots")
                .mutant("CheckThenActRateLimiter", CheckThenActRateLimiter::new, "racersGetNoExtraSlots")
                .mutant("PollingRateLimiter", PollingRateLimiter::new, "waitingUsesNoCpu")
                .mutant("SpinningRateLimiter", SpinningRateLimiter::new, "waitingUsesNoCpu")
                .mutant("SwallowsInterruptRateLimiter", SwallowsInterruptRateLimiter::new, "interruptStopsWaiter")
                .mutant("SleepsHoldingLockRateLimiter", SleepsHoldingLockRateLimiter::new, "interruptStopsWaiter")
                .mutant("ReservingRateLimiter", ReservingRateLimiter::new, "interruptedPlaceGoesToNext")
                .tests();
    }
}
