package ai.asyncjava.solutions.ch02;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch02.Chapter02;
import ai.asyncjava.solutions.ch02.mutants.AcquiresOnceFanOut;
import ai.asyncjava.solutions.ch02.mutants.InFinishingOrderLimitedFanOut;
import ai.asyncjava.solutions.ch02.mutants.LetsEverythingThroughRateLimiter;
import ai.asyncjava.solutions.ch02.mutants.OneAfterAnotherLimitedFanOut;
import ai.asyncjava.solutions.ch02.mutants.SendsThenAcquiresFanOut;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Step 3's checks pass on the reference fan-out and limiter, and each catches a mutant of one or the other. */
class RateLimitedFanOutChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.of(Chapter02.LIMITED_CALLS, "LimitedGeminiFanOut with SlidingWindowRateLimiter",
                        new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, LimitedGeminiFanOut::new))
                .mutant("InFinishingOrderLimitedFanOut",
                        new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, InFinishingOrderLimitedFanOut::new), "answersInOrder")
                .mutant("AcquiresOnceFanOut",
                        new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, AcquiresOnceFanOut::new),
                        "acquireBeforeEachRequest", "noRequestOverTheQuota")
                .mutant("SendsThenAcquiresFanOut",
                        new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, SendsThenAcquiresFanOut::new), "acquireBeforeEachRequest")
                .mutant("OneAfterAnotherLimitedFanOut",
                        new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, OneAfterAnotherLimitedFanOut::new), "concurrentAndQuick")
                .mutant("LimitedGeminiFanOut with LetsEverythingThroughRateLimiter",
                        new Chapter02.LimitedCalls(LetsEverythingThroughRateLimiter::new, LimitedGeminiFanOut::new), "noRequestOverTheQuota")
                .tests();
    }
}
