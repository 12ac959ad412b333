package ai.asyncjava.solutions.ch02;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch02.Chapter02;
import ai.asyncjava.kit.exercises.ch02.TokenBucketFactory;
import ai.asyncjava.solutions.ch02.mutants.BorrowingBucket;
import ai.asyncjava.solutions.ch02.mutants.NoRecheckBucket;
import ai.asyncjava.solutions.ch02.mutants.PerMillisecondBucket;
import ai.asyncjava.solutions.ch02.mutants.PollingBucket;
import ai.asyncjava.solutions.ch02.mutants.StartsEmptyBucket;
import ai.asyncjava.solutions.ch02.mutants.SwallowsInterruptBucket;
import ai.asyncjava.solutions.ch02.mutants.UncappedBucket;
import ai.asyncjava.solutions.ch02.mutants.UnguardedBucket;
import ai.asyncjava.solutions.ch02.mutants.WholeSecondsBucket;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The token-bucket checks pass on the reference solution and each catches a mutant. */
class TokenBucketChecksTest {

    private static final String BURST = "lets a burst up to the capacity through at once";
    private static final String NO_FASTER = "after the burst, lets requests through no faster than the refill rate";
    private static final String KEEPS_UP = "after the burst, keeps up with the refill rate";
    private static final String CAPPED = "never holds more than the capacity, even after a long idle time";
    private static final String TWO_HUNDRED = "holds the rate when 200 threads call acquire() at once";
    private static final String RACERS = "gives no extra tokens to threads that call acquire() at the same instant";
    private static final String NO_CPU = "waiting threads use no processor time";
    private static final String INTERRUPT_STOPS = "a waiting thread that is interrupted stops at once with InterruptedException";
    private static final String NO_GAP = "an interrupted waiter's token goes to the next request, with no time lost";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<TokenBucketFactory>of(Chapter02.TOKEN_BUCKET, "TokenBucketRateLimiter", TokenBucketRateLimiter::new)
                .mutant("StartsEmptyBucket", StartsEmptyBucket::new, BURST)
                .mutant("PerMillisecondBucket", PerMillisecondBucket::new, NO_FASTER)
                .mutant("WholeSecondsBucket", WholeSecondsBucket::new, KEEPS_UP)
                .mutant("UncappedBucket", UncappedBucket::new, CAPPED)
                .mutant("NoRecheckBucket", NoRecheckBucket::new, TWO_HUNDRED)
                .mutant("UnguardedBucket", UnguardedBucket::new, RACERS)
                .mutant("PollingBucket", PollingBucket::new, NO_CPU)
                .mutant("SwallowsInterruptBucket", SwallowsInterruptBucket::new, INTERRUPT_STOPS)
                .mutant("BorrowingBucket", BorrowingBucket::new, NO_GAP)
                .tests();
    }
}
