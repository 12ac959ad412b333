package ai.asyncjava.kit.checks.ch02;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import ai.asyncjava.kit.exercises.ch02.TokenBucketFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 02's token bucket. A bucket of capacity C that gains R tokens
 * a second lets at most C + R × t requests through in any t seconds, which the checks test on
 * the moments they saw (see {@link Rule.Bucket}).
 */
@HiddenChecks(secondsPerCheck = 3)
class TokenBucketChecks {

    @Test
    @Order(1)
    @DisplayName("lets a burst up to the capacity through at once")
    void burstAtOnce(TokenBucketFactory factory) throws Exception {
        Rule.Bucket rule = new Rule.Bucket(5, 4);
        BlockingProbes.firstGoAtOnce(Limits.tokenBucket(factory, rule), rule.capacity(), rule);
    }

    @Test
    @Order(2)
    @DisplayName("after the burst, lets requests through no faster than the refill rate")
    void noFasterThanTheRate(TokenBucketFactory factory) throws Exception {
        Rule.Bucket rule = new Rule.Bucket(4, 20);
        BlockingProbes.burst(Limits.tokenBucket(factory, rule), rule, 14, "");
    }

    @Test
    @Order(3)
    @DisplayName("after the burst, keeps up with the refill rate")
    void keepsUpWithTheRate(TokenBucketFactory factory) throws Exception {
        Rule.Bucket rule = new Rule.Bucket(4, 20);
        BlockingProbes.burstInBestTime(Limits.tokenBucket(factory, rule), rule, 14,
                "Tokens come back continuously: after 1 / rate seconds there is a whole new one. Sleep just that "
                        + "long, and count the time since the last refill exactly (in nanoseconds, as a fraction "
                        + "of a token), not in whole seconds.");
    }

    @Test
    @Order(4)
    @DisplayName("never holds more than the capacity, even after a long idle time")
    void capacityCapsIdleTime(TokenBucketFactory factory) throws Exception {
        Rule.Bucket rule = new Rule.Bucket(3, 10);
        RateLimiter bucket = Limits.tokenBucket(factory, rule);
        Thread.sleep(400); // a bucket with no cap would gain 4 more tokens meanwhile
        BlockingProbes.burst(bucket, rule, 7, "After the bucket stood idle for 400 ms, ");
    }

    @Test
    @Order(5)
    @DisplayName("holds the rate when 200 threads call acquire() at once")
    void twoHundredThreads(TokenBucketFactory factory) throws Exception {
        Rule.Bucket rule = new Rule.Bucket(40, 200);
        BlockingProbes.burst(Limits.tokenBucket(factory, rule), rule, 200,
                "With 200 threads calling at once, ");
    }

    @Test
    @Order(6)
    @DisplayName("gives no extra tokens to threads that call acquire() at the same instant")
    void racersGetNoExtraTokens(TokenBucketFactory factory) throws Exception {
        BlockingProbes.racersGetNoExtraSlots(capacity -> new Rule.Bucket(capacity, 0.1),
                rule -> Limits.tokenBucket(factory, rule));
    }

    @Test
    @Order(7)
    @DisplayName("waiting threads use no processor time")
    void waitingUsesNoCpu(TokenBucketFactory factory) throws Exception {
        Rule.Bucket rule = new Rule.Bucket(10, 0.25);
        BlockingProbes.waitersUseNoCpu(Limits.tokenBucket(factory, rule), rule.capacity(), rule);
    }

    @Test
    @Order(8)
    @DisplayName("a waiting thread that is interrupted stops at once with InterruptedException")
    void interruptStopsWaiter(TokenBucketFactory factory) throws Exception {
        Rule.Bucket rule = new Rule.Bucket(1, 0.5);
        BlockingProbes.interruptedWaiterStops(Limits.tokenBucket(factory, rule), rule);
    }

    @Test
    @Order(9)
    @DisplayName("an interrupted waiter's token goes to the next request, with no time lost")
    void interruptedTokenGoesToNext(TokenBucketFactory factory) throws Exception {
        Rule.Bucket rule = new Rule.Bucket(1, 2);
        BlockingProbes.interruptedWaiterLeavesNoGap(Limits.tokenBucket(factory, rule), 500_000_000L, rule);
    }
}
