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

    private static final String AT_ONCE = "acquire() returns at once, and the first futures up to the limit are already complete";
    private static final String IN_ORDER = "completes the futures in the order acquire() was called";
    private static final String TWO_HUNDRED = "holds the limit when 200 threads call acquire() at once";
    private static final String THREE_BATCHES = "lets 3 × the limit through in about 2 intervals";
    private static final String RACERS = "gives no extra slots to threads that call acquire() at the same instant";
    private static final String CANCELLED = "a cancelled waiter's slot goes to the next one, with no time lost";
    private static final String NO_CPU = "waiting costs no threads and no processor time";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<AsyncRateLimiterFactory>of(Chapter02.FIFO, "FifoRateLimiter", FifoRateLimiter::new)
                .mutant("BlocksInAcquireFifoLimiter", BlocksInAcquireFifoLimiter::new, AT_ONCE)
                .mutant("LeavesTimerRunningFifoLimiter", LeavesTimerRunningFifoLimiter::new, AT_ONCE)
                .mutant("LastInFirstOutFifoLimiter", LastInFirstOutFifoLimiter::new, IN_ORDER)
                .mutant("CountsFromAskingFifoLimiter", CountsFromAskingFifoLimiter::new, IN_ORDER, TWO_HUNDRED)
                .mutant("CompletesEveryWaiterFifoLimiter", CompletesEveryWaiterFifoLimiter::new, TWO_HUNDRED)
                .mutant("OneTimerFifoLimiter", OneTimerFifoLimiter::new, THREE_BATCHES)
                .mutant("UnguardedFifoLimiter", UnguardedFifoLimiter::new, RACERS)
                .mutant("LosesCancelledSlotFifoLimiter", LosesCancelledSlotFifoLimiter::new, CANCELLED)
                .mutant("PollingFifoLimiter", PollingFifoLimiter::new, NO_CPU)
                .tests();
    }
}
