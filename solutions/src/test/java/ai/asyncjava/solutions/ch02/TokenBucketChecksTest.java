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

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<TokenBucketFactory>of(Chapter02.TOKEN_BUCKET, "TokenBucketRateLimiter", TokenBucketRateLimiter::new)
                .mutant("StartsEmptyBucket", StartsEmptyBucket::new, "burstAtOnce")
                .mutant("PerMillisecondBucket", PerMillisecondBucket::new, "noFasterThanTheRate")
                .mutant("WholeSecondsBucket", WholeSecondsBucket::new, "keepsUpWithTheRate")
                .mutant("UncappedBucket", UncappedBucket::new, "capacityCapsIdleTime")
                .mutant("NoRecheckBucket", NoRecheckBucket::new, "twoHundredThreads")
                .mutant("UnguardedBucket", UnguardedBucket::new, "racersGetNoExtraTokens")
                .mutant("PollingBucket", PollingBucket::new, "waitingUsesNoCpu")
                .mutant("SwallowsInterruptBucket", SwallowsInterruptBucket::new, "interruptStopsWaiter")
                .mutant("BorrowingBucket", BorrowingBucket::new, "interruptedTokenGoesToNext")
                .tests();
    }
}
