package example.learner;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/** Try-it code as a learner might write it, for the tests of {@code TryIt}. */
public final class TryItMistakes {

    private TryItMistakes() {}

    /** A limiter whose acquire() returns with the lock still held: every later caller waits forever. */
    public static final class ForgetsToUnlock {
        private final ReentrantLock lock = new ReentrantLock();

        public void acquire() {
            lock.lock();
            // the unlock() is missing
        }
    }

    /** A limiter that makes every caller wait far too long, but can be interrupted. */
    public static final class WaitsAMinute {
        public void acquire() throws InterruptedException {
            Thread.sleep(60_000);
        }
    }

    /** Nine virtual threads call the limiter, as chapter 02's try-it cell does. */
    public static void nineRequests(ForgetsToUnlock limiter) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 9; i++) {
                executor.submit(limiter::acquire);
            }
        }
    }

    /** The same nine requests through a limiter that waits a minute. */
    public static void nineRequests(WaitsAMinute limiter) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 9; i++) {
                executor.submit(() -> {
                    limiter.acquire();
                    return null;
                });
            }
        }
    }
}
