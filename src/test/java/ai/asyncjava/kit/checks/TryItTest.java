package ai.asyncjava.kit.checks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.learner.TryItMistakes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TryItTest {

    @Test
    void codeThatFinishesRunsAsIs() throws Exception {
        int[] ran = {0};
        TryIt.within(Duration.ofSeconds(2), () -> ran[0]++);
        assertTrue(ran[0] == 1);
    }

    @Test
    void whatTheCodeThrowsIsThrownOn() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> TryIt.within(Duration.ofSeconds(2), () -> {
                    throw new IllegalArgumentException("limit must be positive");
                }));
        assertTrue(thrown.getMessage().contains("limit must be positive"));
    }

    @Test
    void aMissingUnlockStopsTheCellAndSaysWhereTheVirtualThreadsWait() {
        long started = System.nanoTime();
        IllegalStateException stopped = assertThrows(IllegalStateException.class,
                () -> TryIt.within(Duration.ofMillis(800),
                        () -> TryItMistakes.nineRequests(new TryItMistakes.ForgetsToUnlock())));
        long millis = (System.nanoTime() - started) / 1_000_000;
        String message = stopped.getMessage();
        assertTrue(message.startsWith("Not finished after 0.8 s. Still waiting: "), message);
        // eight virtual threads wait for the lock the first one kept; the dump finds them
        assertTrue(message.contains("8 threads waiting in ReentrantLock.lock, called from TryItMistakes$ForgetsToUnlock.acquire"), message);
        assertTrue(message.contains("call unlock() in a finally block"), message);
        // lock() ignores interrupts, and the lock's owner is gone: these threads wait for good
        assertTrue(message.endsWith("restart the kernel (Kernel > Restart) before you run it again."), message);
        assertTrue(millis < 4_000, "took " + millis + " ms");
    }

    @Test
    void codeThatWaitsTooLongIsStoppedByTheInterrupt() {
        IllegalStateException stopped = assertThrows(IllegalStateException.class,
                () -> TryIt.within(Duration.ofMillis(800),
                        () -> TryItMistakes.nineRequests(new TryItMistakes.WaitsAMinute())));
        String message = stopped.getMessage();
        assertTrue(message.contains("9 threads waiting in Thread.sleep, called from TryItMistakes$WaitsAMinute.acquire"), message);
        assertTrue(message.contains("1 thread waiting in ThreadPerTaskExecutor.close, called from TryItMistakes.nineRequests"),
                message);
        assertTrue(message.endsWith("It was stopped."), message);
    }
}
