package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Mutant: no lock: the deque is shared by all threads unguarded. */
public class UnguardedRateLimiter extends WindowMutant {

    public UnguardedRateLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            forgetSendsBefore(now - intervalNanos);
            if (sendTimes.size() < limit) {
                sendTimes.addLast(now);
                return;
            }
            Long oldest = sendTimes.peekFirst();
            long waitNanos = oldest == null ? 1 : oldest + intervalNanos - now;
            TimeUnit.NANOSECONDS.sleep(Math.max(1, waitNanos));
        }
    }
}
