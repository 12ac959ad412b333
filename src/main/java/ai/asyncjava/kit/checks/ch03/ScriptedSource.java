package ai.asyncjava.kit.checks.ch03;

import ai.asyncjava.kit.checks.LearnerThreads;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The prompt source the pipeline checks hand to the learner's pipeline: a fixed list of prompts,
 * optionally with pauses before some of them (a slow disk or network), counted into a
 * {@link Traffic} as they are handed out.
 */
final class ScriptedSource implements PromptSource {

    private final List<String> prompts;
    private final Map<Integer, Duration> pauseBefore;
    private final Traffic traffic;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final CountDownLatch paused = new CountDownLatch(1);
    private int next;
    private boolean sawEnd;

    /** @param pauseBefore the pause before handing out the prompt at each index */
    ScriptedSource(List<String> prompts, Map<Integer, Duration> pauseBefore, Traffic traffic) {
        this.prompts = List.copyOf(prompts);
        this.pauseBefore = Map.copyOf(pauseBefore);
        this.traffic = traffic;
    }

    ScriptedSource(List<String> prompts, Traffic traffic) {
        this(prompts, Map.of(), traffic);
    }

    @Override
    public synchronized Optional<String> next() {
        LearnerThreads.noteCurrentThread();
        threads.add(Thread.currentThread());
        if (next >= prompts.size()) {
            sawEnd = true;
            return Optional.empty();
        }
        Duration pause = pauseBefore.get(next);
        if (pause != null) {
            paused.countDown();
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        String prompt = prompts.get(next++);
        traffic.countRead();
        return Optional.of(prompt);
    }

    /** Waits until the source begins its first pause; false when it has not within {@code timeout}. */
    boolean awaitFirstPause(Duration timeout) throws InterruptedException {
        return paused.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** True once the pipeline asked for a prompt after the last one. */
    synchronized boolean sawEnd() {
        return sawEnd;
    }

    /** The threads that called {@link #next()}. */
    Set<Thread> threads() {
        return Set.copyOf(threads);
    }
}
