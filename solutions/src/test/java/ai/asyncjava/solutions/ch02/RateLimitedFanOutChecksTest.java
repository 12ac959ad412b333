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

/** Step 2's checks pass on the reference fan-out and limiter, and each catches a mutant of one or the other. */
class RateLimitedFanOutChecksTest {

    private static final String IN_ORDER = "returns every model answer, in the order of the prompts";
    private static final String ACQUIRE_FIRST = "calls acquire() once before each request it sends";
    private static final String UNDER_QUOTA = "keeps under the quota: no 429, and never more requests in a window than it allows";
    private static final String CONCURRENT = "sends requests concurrently, and finishes 3 × the quota in about 2 windows";

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.of(Chapter02.LIMITED_CALLS, "LimitedGeminiFanOut with SlidingWindowRateLimiter",
                        new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, LimitedGeminiFanOut::new))
                .mutant("InFinishingOrderLimitedFanOut",
                        new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, InFinishingOrderLimitedFanOut::new), IN_ORDER)
                .mutant("AcquiresOnceFanOut",
                        new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, AcquiresOnceFanOut::new),
                        ACQUIRE_FIRST, UNDER_QUOTA)
                .mutant("SendsThenAcquiresFanOut",
                        new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, SendsThenAcquiresFanOut::new), ACQUIRE_FIRST)
                .mutant("OneAfterAnotherLimitedFanOut",
                        new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, OneAfterAnotherLimitedFanOut::new), CONCURRENT)
                .mutant("LimitedGeminiFanOut with LetsEverythingThroughRateLimiter",
                        new Chapter02.LimitedCalls(LetsEverythingThroughRateLimiter::new, LimitedGeminiFanOut::new), UNDER_QUOTA)
                .tests();
    }
}
