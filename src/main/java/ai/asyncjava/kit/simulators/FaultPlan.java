package ai.asyncjava.kit.simulators;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Decides the fault for each request: first any faults queued with {@link #failNext}, in order,
 * then the seeded shares of {@link FaultSettings}. Thread-safe.
 */
public final class FaultPlan {

    private volatile FaultSettings settings;
    private final Deque<Fault> queued = new ArrayDeque<>();

    public FaultPlan(FaultSettings settings) {
        this.settings = settings;
    }

    /** The settings in force. */
    public FaultSettings settings() {
        return settings;
    }

    /** Replaces the settings; queued faults stay queued. */
    public void update(FaultSettings newSettings) {
        this.settings = newSettings;
    }

    /** The next requests get exactly these faults, one each, before the seeded shares apply again. */
    public synchronized void failNext(Fault... faults) {
        queued.addAll(Arrays.asList(faults));
    }

    /** Forgets faults queued with {@link #failNext}. */
    public synchronized void clearQueued() {
        queued.clear();
    }

    /**
     * The fault for one request.
     *
     * @param fingerprint identifies the request's content (equal for the retries of one request)
     * @param attempt     1 for a first try, 2 for its first retry, ...
     */
    public Fault decide(long fingerprint, int attempt) {
        synchronized (this) {
            if (!queued.isEmpty()) {
                return queued.poll();
            }
        }
        FaultSettings current = settings;
        if (current.isNone()) {
            return Fault.NONE;
        }
        long mixed = current.seed() * 0x9E3779B97F4A7C15L ^ fingerprint ^ ((long) attempt << 48);
        return current.at(new SplittableRandom(mixed).nextDouble());
    }
}
