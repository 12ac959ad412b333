package ai.asyncjava.solutions.ch02;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch02.Chapter02;
import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiterFactory;
import ai.asyncjava.solutions.ch02.mutants.BlocksInAcquireFifoLimiter;
import ai.asyncjava.solutions.ch02.mutants.CompletesEveryWaiterFifoLimiter;
import ai.asyncjava.solutions.ch02.mutants.CountsFromAskingFifoLimiter;
import ai.asyncjava.solutions.ch02.mutants.LastInFirstOutFifoLimiter;
import ai.asyncjava.solutions.ch02.mutants.LeavesTimerRunningFifoLimiter;
import ai.asyncjava.solutions.ch02.mutants.LosesCancelledSlotFifoLimiter;
import ai.asyncjava.solutions.ch02.mutants.OneTimerFifoLimiter;
import ai.asyncjava.solutions.ch02.mutants.PollingFifoLimiter;
import ai.asyncjava.solutions.ch02.mutants.UnguardedFifoLimiter;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The FIFO limiter's checks pass on the reference solution and each catches a mutant. */
class FifoRateLimiterChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<AsyncRateLimiterFactory>of(Chapter02.FIFO, "FifoRateLimiter", FifoRateLimiter::new)
                .mutant("BlocksInAcquireFifoLimiter", BlocksInAcquireFifoLimiter::new, "returnsAtOnce")
                .mutant("LeavesTimerRunningFifoLimiter", LeavesTimerRunningFifoLimiter::new, "returnsAtOnce")
                .mutant("LastInFirstOutFifoLimiter", LastInFirstOutFifoLimiter::new, "firstComeFirstServed")
                .mutant("CountsFromAskingFifoLimiter", CountsFromAskingFifoLimiter::new, "firstComeFirstServed", "twoHundredThreads")
                .mutant("CompletesEveryWaiterFifoLimiter", CompletesEveryWaiterFifoLimiter::new, "twoHundredThreads")
                .mutant("OneTimerFifoLimiter", OneTimerFifoLimiter::new, "threeBatchesInTwoIntervals")
                .mutant("UnguardedFifoLimiter", UnguardedFifoLimiter::new, "racersGetNoExtraSlots")
                .mutant("LosesCancelledSlotFifoLimiter", LosesCancelledSlotFifoLimiter::new, "cancelledSlotGoesToNext")
                .mutant("PollingFifoLimiter", PollingFifoLimiter::new, "waitingUsesNoCpu")
                .tests();
    }
}
