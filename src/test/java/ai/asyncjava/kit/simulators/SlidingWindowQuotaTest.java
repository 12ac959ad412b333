package ai.asyncjava.kit.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingWindowQuotaTest {

    private static final long MS = 1_000_000;

    @Test
    void admitsUpToTheLimitPerWindowThenSaysWhenToRetry() {
        SlidingWindowQuota quota = new SlidingWindowQuota(3, 0, Duration.ofMillis(1000));
        assertTrue(quota.tryAcquire("m", 0, 1).admitted());
        assertTrue(quota.tryAcquire("m", 100 * MS, 1).admitted());
        assertTrue(quota.tryAcquire("m", 200 * MS, 1).admitted());
        SlidingWindowQuota.Decision refused = quota.tryAcquire("m", 300 * MS, 1);
        assertFalse(refused.admitted());
        assertEquals(SlidingWindowQuota.Limit.REQUESTS, refused.exceeded());
        assertEquals(Duration.ofMillis(700), refused.retryAfter()); // when the request at 0 leaves the window
        assertFalse(quota.tryAcquire("m", 999 * MS, 1).admitted());
        assertTrue(quota.tryAcquire("m", 1000 * MS, 1).admitted()); // exactly one window later
    }

    @Test
    void headroomSaysHowManyFitNowAndWhenTheNextSlotFrees() {
        SlidingWindowQuota quota = new SlidingWindowQuota(2, 0, Duration.ofMillis(1000));
        assertEquals(new SlidingWindowQuota.Headroom(2, Duration.ZERO), quota.headroom("m", 0));
        quota.tryAcquire("m", 0, 0);
        assertEquals(new SlidingWindowQuota.Headroom(1, Duration.ZERO), quota.headroom("m", 100 * MS));
        quota.tryAcquire("m", 200 * MS, 0);
        assertEquals(new SlidingWindowQuota.Headroom(0, Duration.ofMillis(700)), quota.headroom("m", 300 * MS));
        assertEquals(new SlidingWindowQuota.Headroom(1, Duration.ZERO), quota.headroom("m", 1000 * MS));
        assertEquals(Integer.MAX_VALUE, new SlidingWindowQuota(0, 0, Duration.ofSeconds(1)).headroom("m", 0).remaining());
    }

    @Test
    void keysHaveSeparateWindows() {
        SlidingWindowQuota quota = new SlidingWindowQuota(1, 0, Duration.ofSeconds(1));
        assertTrue(quota.tryAcquire("a", 0, 1).admitted());
        assertTrue(quota.tryAcquire("b", 0, 1).admitted());
        assertFalse(quota.tryAcquire("a", 1, 1).admitted());
    }

    @Test
    void tokenLimitCountsTokensInTheWindow() {
        SlidingWindowQuota quota = new SlidingWindowQuota(0, 100, Duration.ofMillis(1000));
        assertTrue(quota.tryAcquire("m", 0, 60).admitted());
        SlidingWindowQuota.Decision refused = quota.tryAcquire("m", 10 * MS, 50);
        assertEquals(SlidingWindowQuota.Limit.TOKENS, refused.exceeded());
        assertEquals(Duration.ofMillis(990), refused.retryAfter());
        assertTrue(quota.tryAcquire("m", 20 * MS, 40).admitted());
        assertTrue(quota.tryAcquire("m", 1000 * MS, 50).admitted());
    }

    @Test
    void unlimitedAdmitsEverythingAndResetEmptiesWindows() {
        SlidingWindowQuota unlimited = new SlidingWindowQuota(0, 0, Duration.ofSeconds(1));
        for (int i = 0; i < 1000; i++) {
            assertTrue(unlimited.tryAcquire("m", i, 1_000_000).admitted());
        }
        SlidingWindowQuota quota = new SlidingWindowQuota(1, 0, Duration.ofSeconds(1));
        quota.tryAcquire("m", 0, 1);
        quota.reset();
        assertTrue(quota.tryAcquire("m", 1, 1).admitted());
    }
}
