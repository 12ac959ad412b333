package ai.asyncjava.kit.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The processor time the JVM's Java threads use, summed: the carrier threads that run every
 * virtual thread, pool threads, timer threads. Unlike the process's CPU time it leaves out the
 * JIT compiler and the garbage collector, whose work comes and goes by itself; so a small
 * threshold can tell waiting from polling even on a busy machine. The check's own thread is
 * left out (it sleeps while measuring anyway).
 */
public final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before;
    private final long excluded = Thread.currentThread().threadId();

    private ThreadCpu() {
        before = readAll();
    }

    /** True when this JVM can tell each thread's CPU time (HotSpot on Linux, macOS and Windows can). */
    public static boolean supported() {
        return THREADS.isThreadCpuTimeSupported();
    }

    /** Starts measuring now. */
    public static ThreadCpu start() {
        if (supported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        return new ThreadCpu();
    }

    /** CPU nanoseconds used by Java threads since {@link #start()}; threads that ended in between are not counted. */
    public long usedNanos() {
        long used = 0;
        for (Map.Entry<Long, Long> now : readAll().entrySet()) {
            used += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return used;
    }

    private Map<Long, Long> readAll() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            if (id == excluded) {
                continue;
            }
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }
}
