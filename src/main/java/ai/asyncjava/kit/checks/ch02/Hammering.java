package ai.asyncjava.kit.checks.ch02;

import ai.asyncjava.kit.checks.LearnerFrames;
import ai.asyncjava.kit.checks.Tolerances.Ch02;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A few platform threads call one limiter again and again, as fast as they can, until it has
 * let {@code allowed} requests through and holds the rest. Unguarded state that threads update
 * at the same time loses updates ({@code tokens -= 1} from two threads at once counts one), and
 * such a limiter lets more than {@code allowed} through; a correct one lets exactly that many,
 * however loaded the machine, since its interval is far longer than the hammering. This catches
 * lost updates that a race of single calls may miss, because it makes thousands of them.
 */
final class Hammering {

    /**
     * What the hammering found.
     *
     * @param wentThrough how many calls went through
     * @param failure     an exception a call threw, if any
     * @param stuckAt     where a thread stayed stuck after it was interrupted, or null
     */
    record Result(int wentThrough, Throwable failure, String stuckAt) {
        /** True when exactly {@code allowed} went through, and nothing else went wrong. */
        boolean exactly(int allowed) {
            return wentThrough == allowed && failure == null && stuckAt == null;
        }
    }

    static final int THREADS = 4;

    private Hammering() {}

    /** Hammers {@code racer}'s limiter, which lets {@code allowed} through at once and then none for a long time. */
    static Result hammer(RaceRounds.Racer racer, int allowed) throws InterruptedException {
        AtomicInteger through = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        // Each thread stops after its share and some more: enough for a non-blocking acquire()
        // to show every extra slot, and a blocking one never gets that far.
        int callsEach = allowed / THREADS + 100;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int call = 0; call < callsEach; call++) {
                        if (racer.goNow()) {
                            through.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    // Stopped at the end: expected of those that had to wait.
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.incrementAndGet();
                }
            }, "hammer " + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try (racer) {
            start.countDown();
            long deadline = System.nanoTime() + Ch02.HAMMERING_WAIT.nanos();
            while (through.get() < allowed && done.get() < THREADS && failure.get() == null
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(Ch02.HAMMERING_SETTLE.get());
            threads.forEach(Thread::interrupt);
            String stuckAt = null;
            long joinBy = System.nanoTime() + Ch02.RACE_STEP.nanos();
            for (Thread thread : threads) {
                thread.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
                if (thread.isAlive() && stuckAt == null) {
                    stuckAt = LearnerFrames.innermost(thread.getStackTrace()).orElse("a place outside your code");
                }
            }
            return new Result(through.get(), failure.get(), stuckAt);
        }
    }
}
