package example.learner;

import ai.asyncjava.kit.exercises.ch00.FanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Implementations of the chapter 00 steps that go wrong the way a learner's might. They sit
 * outside the kit's packages so the harness treats them as learner code.
 */
public final class LearnerMistakes {

    private LearnerMistakes() {}

    /** What the notebook's skeleton does before the learner writes anything. */
    public static final class EmptySkeleton implements FanOut {
        @Override
        public List<String> callAll(SlowService service, List<String> requests) {
            return List.of();
        }
    }

    /** Spins forever: cannot be interrupted. */
    public static final class BusyLoop implements FanOut {
        /** Lets the test end the loop that the harness cannot stop. */
        public static volatile boolean stop;

        @Override
        public List<String> callAll(SlowService service, List<String> requests) {
            long spins = 0;
            while (!stop) {
                spins++;
            }
            return List.of(String.valueOf(spins));
        }
    }

    /** Waits for something that never happens, but answers interrupts. */
    public static final class WaitsForever implements FanOut {
        @Override
        public List<String> callAll(SlowService service, List<String> requests) throws InterruptedException {
            new CountDownLatch(1).await();
            return List.of();
        }
    }

    /** Starts a platform thread per call and returns before they end. */
    public static final class LeavesThreadsRunning implements FanOut {
        @Override
        public List<String> callAll(SlowService service, List<String> requests) {
            List<String> answers = new ArrayList<>();
            for (String request : requests) {
                answers.add("answer to " + request);
                new Thread(() -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException stopped) {
                        // the harness interrupts leftovers; end quietly
                    }
                }).start();
            }
            return answers;
        }
    }

    /** Throws from its own code. */
    public static final class ThrowsNullPointer implements FanOut {
        private Map<String, String> cache;

        @Override
        public List<String> callAll(SlowService service, List<String> requests) {
            return requests.stream().map(request -> cache.get(request)).toList();
        }
    }
}
