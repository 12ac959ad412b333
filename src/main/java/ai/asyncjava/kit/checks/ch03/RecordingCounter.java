package ai.asyncjava.kit.checks.ch03;

import ai.asyncjava.kit.checks.LearnerThreads;
import ai.asyncjava.kit.exercises.ch03.WordCounter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The word counter the Going further checks hand to the learner's pipeline: it counts like
 * {@link WordCounter#plain()}, takes a while about it (standing in for heavy CPU work, without
 * loading a busy machine), and records where and how many at once it ran.
 */
final class RecordingCounter implements WordCounter {

    private final Duration workTime;
    private final WordCounter plain = WordCounter.plain();
    private final AtomicInteger counts = new AtomicInteger();
    private final AtomicInteger onVirtualThreads = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    RecordingCounter(Duration workTime) {
        this.workTime = workTime;
    }

    @Override
    public Map<String, Integer> count(String text) {
        LearnerThreads.noteCurrentThread();
        Thread thread = Thread.currentThread();
        threads.add(thread);
        counts.incrementAndGet();
        if (thread.isVirtual()) {
            onVirtualThreads.incrementAndGet();
        }
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            Thread.sleep(workTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
        return plain.count(text);
    }

    int counts() {
        return counts.get();
    }

    int onVirtualThreads() {
        return onVirtualThreads.get();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    int threadCount() {
        return threads.size();
    }
}
