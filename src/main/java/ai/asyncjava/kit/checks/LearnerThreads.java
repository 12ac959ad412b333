package ai.asyncjava.kit.checks;

import ai.asyncjava.kit.threads.CallingThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The threads the learner's code started during one check.
 *
 * <p>Platform threads are found through the check's thread group, which every platform
 * thread started from the check (directly or by an executor) joins. Virtual threads belong
 * to no group that can be listed, so the checks' fake services call {@link #noteCurrentThread()}
 * from inside each call: that is how the harness finds, interrupts and reports them.
 */
public final class LearnerThreads {

    /** The name of the threads of OkHttp's JVM-wide task runner (okhttp3.internal.concurrent.TaskRunner). */
    private static final String OKHTTP_TASK_RUNNER = "OkHttp TaskRunner";
    /** The name of Okio's JVM-wide timeout watchdog, started by the first call with a timeout (okio.AsyncTimeout). */
    private static final String OKIO_WATCHDOG = "Okio Watchdog";
    /**
     * The name of Helidon's JVM-wide timer that closes idle connections: a daemon {@code java.util.Timer}
     * its first web server starts and no server's stop ends.
     */
    private static final String HELIDON_IDLE_TIMER = "helidon-idle-connection-timer";

    /**
     * The JDK's timer thread behind {@code CompletableFuture.orTimeout} and
     * {@code delayedExecutor}: started on first use, from whichever thread uses it first, and
     * kept for the life of the JVM. Its name differs between JDK 21 and JDK 25.
     */
    private static final Set<String> JDK_DELAY_SCHEDULERS =
            Set.of("CompletableFutureDelayScheduler", "ForkJoinPool.commonPool-delayScheduler");

    /** The check being run now; checks run one at a time. */
    private static volatile LearnerThreads current;

    private final ThreadGroup group;
    private final Set<Thread> noted = ConcurrentHashMap.newKeySet();
    private volatile Thread checkThread;

    private LearnerThreads(ThreadGroup group) {
        this.group = group;
    }

    /** Starts watching: threads started from {@code group} or noted from now on are the learner's. */
    static LearnerThreads begin(ThreadGroup group) {
        LearnerThreads threads = new LearnerThreads(group);
        current = threads;
        CallingThreads.listen(threads::note);
        return threads;
    }

    void end() {
        if (current == this) {
            current = null;
            CallingThreads.listen(null);
        }
    }

    void setCheckThread(Thread thread) {
        this.checkThread = thread;
    }

    /**
     * Records the calling thread as one of the learner's. Fakes handed to learner code call
     * this first thing in every method; outside a check it does nothing.
     */
    public static void noteCurrentThread() {
        CallingThreads.noteCurrentThread();
    }

    private void note(Thread thread) {
        if (thread != checkThread) {
            noted.add(thread);
        }
    }

    /** The learner's threads alive now in the check that is running; none outside a check. */
    static List<Thread> ofRunningCheck() {
        LearnerThreads threads = current;
        return threads == null ? new ArrayList<>() : threads.alive();
    }

    /** The learner's threads that are still alive, not counting the check's own thread. */
    List<Thread> alive() {
        List<Thread> alive = new ArrayList<>();
        Thread[] inGroup = new Thread[group.activeCount() + 16];
        int count = group.enumerate(inGroup, true);
        for (Thread thread : Arrays.asList(inGroup).subList(0, count)) {
            if (thread != checkThread && thread.isAlive() && !isSharedPoolWorkerAtRest(thread)) {
                alive.add(thread);
            }
        }
        noted.stream().filter(Thread::isAlive).filter(t -> !alive.contains(t)).forEach(alive::add);
        return alive;
    }

    /**
     * Waits up to {@code graceMillis} for the learner's threads to end by themselves (a
     * thread that just delivered its result needs a moment to finish) and returns those
     * that did not.
     */
    List<Thread> aliveAfter(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        List<Thread> alive = alive();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            alive = alive();
        }
        return alive;
    }

    /** Interrupts the check's thread and every learner thread still alive. */
    void interruptAll() {
        Thread check = checkThread;
        if (check != null) {
            check.interrupt();
        }
        alive().forEach(Thread::interrupt);
    }

    /**
     * The JDK's shared pool (used by {@code CompletableFuture.supplyAsync} and parallel
     * streams) keeps its workers for a while after use; an idle one is not a leak. Neither is
     * a thread of OkHttp's task runner, which every google-genai client shares for the whole JVM
     * (it cleans up pooled connections) and which keeps its daemon threads for a minute, nor
     * Okio's watchdog, which times out every OkHttp call given a timeout, nor Helidon's idle-connection
     * timer, nor the JDK's delay scheduler.
     */
    private static boolean isSharedPoolWorkerAtRest(Thread thread) {
        if (thread.isDaemon() && (thread.getName().startsWith(OKHTTP_TASK_RUNNER)
                || thread.getName().startsWith(OKIO_WATCHDOG)
                || thread.getName().equals(HELIDON_IDLE_TIMER)
                || JDK_DELAY_SCHEDULERS.contains(thread.getName()))) {
            return true;
        }
        return thread instanceof ForkJoinWorkerThread worker
                && (worker.getPool() == java.util.concurrent.ForkJoinPool.commonPool()
                        || worker.getClass().getName().startsWith("jdk.internal"))
                && LearnerFrames.innermost(thread.getStackTrace()).isEmpty();
    }
}
