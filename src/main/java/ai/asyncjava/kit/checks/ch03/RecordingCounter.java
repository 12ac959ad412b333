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
 *
 * <p>It can also stand in for long answers, to show totals that are not thread-safe: each answer
 * then brings {@code wordsOfItsOwn} more words that no other answer has, so adding its counts to
 * the totals takes a while and grows the map; and counts that run at the same time end at the
 * same moment (on a common clock tick), so their workers add them to the totals at the same time.
 * A plain {@code HashMap} merged from several threads then loses counts in nearly every run.
 */
final class RecordingCounter implements WordCounter {

    private final Duration workTime;
    private final int wordsOfItsOwn;
    private final long origin = System.nanoTime();
    private final WordCounter plain = WordCounter.plain();
    private final AtomicInteger counts = new AtomicInteger();
    private final AtomicInteger onVirtualThreads = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    RecordingCounter(Duration workTime) {
        this(workTime, 0);
    }

    RecordingCounter(Duration workTime, int wordsOfItsOwn) {
        this.workTime = workTime;
        this.wordsOfItsOwn = wordsOfItsOwn;
    }

    /** What {@link #count} returns for {@code text}, without the wait. */
    Map<String, Integer> countsOf(String text) {
        Map<String, Integer> counts = plain.count(text);
        String own = "w" + Integer.toHexString(text.hashCode()) + "n";
        for (int i = 0; i < wordsOfItsOwn; i++) {
            counts.merge(own + i, 1, Integer::sum);
        }
        return counts;
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
        Map<String, Integer> counts = countsOf(text); // counted first, so that counts end together
        try {
            // Ends on the next tick of a clock that beats every workTime, at least half of it from now.
            long tick = workTime.toNanos();
            long now = System.nanoTime();
            long end = origin + ((now - origin + tick / 2) / tick + 1) * tick;
            Thread.sleep(Duration.ofNanos(end - now));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
        return counts;
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
