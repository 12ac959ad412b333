package ai.asyncjava.kit.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Describes a deadlock among the learner's threads: who waits for which lock, held by whom.
 * The JVM only sees deadlocks of platform threads; virtual threads are not reported.
 */
final class Deadlocks {

    private Deadlocks() {}

    /** A sentence per deadlocked thread of {@code threads}, or an empty string when there is none. */
    static String among(List<Thread> threads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] deadlocked = mx.findDeadlockedThreads();
        if (deadlocked == null) {
            return "";
        }
        Set<Long> ours = threads.stream().map(Thread::threadId).collect(Collectors.toSet());
        long[] oursDeadlocked = Arrays.stream(deadlocked).filter(ours::contains).toArray();
        if (oursDeadlocked.length == 0) {
            return "";
        }
        ThreadInfo[] infos = mx.getThreadInfo(oursDeadlocked, true, true);
        return "Deadlock: " + Arrays.stream(infos)
                .filter(info -> info != null)
                .map(Deadlocks::describe)
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String describe(ThreadInfo info) {
        String where = LearnerFrames.innermost(info.getStackTrace()).map(frame -> " at " + frame).orElse("");
        return "thread \"" + info.getThreadName() + "\"" + where + " waits for " + info.getLockName()
                + " held by \"" + info.getLockOwnerName() + "\"";
    }
}
