package ai.asyncjava.kit.simulators;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Decides the fault for each request: first any faults queued with {@link #failNext}, in order,
 * then the faults planned for the request's subject with {@link #failSubject} (a prompt that
 * fails its first few tries, or every try), then the seeded shares of {@link FaultSettings}.
 * Thread-safe.
 */
public final class FaultPlan {

    private volatile FaultSettings settings;
    private final Deque<Fault> queued = new ArrayDeque<>();
    private final Map<String, SubjectFaults> bySubject = new HashMap<>();

    /** The faults planned for one subject's tries, in order, and how many tries it has had. */
    private static final class SubjectFaults {
        final List<Fault> faults;
        final boolean forever;
        int tries;

        SubjectFaults(List<Fault> faults, boolean forever) {
            this.faults = faults;
            this.forever = forever;
        }

        Fault next() {
            int index = tries++;
            if (index < faults.size()) {
                return faults.get(index);
            }
            return forever ? faults.getLast() : Fault.NONE;
        }
    }

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

    /**
     * The tries of requests about {@code subject} (for a generation, its prompt) get {@code faults},
     * one each in order, whether they are retries or not; later tries are served normally. A
     * subject's tries are counted from this call.
     */
    public synchronized void failSubject(String subject, Fault... faults) {
        bySubject.put(subject, new SubjectFaults(List.of(faults), false));
    }

    /** Every try of a request about {@code subject} gets {@code fault}: a request that never succeeds. */
    public synchronized void failSubjectAlways(String subject, Fault fault) {
        bySubject.put(subject, new SubjectFaults(List.of(fault), true));
    }

    /** Forgets faults queued with {@link #failNext} and planned with {@link #failSubject}. */
    public synchronized void clearQueued() {
        queued.clear();
        bySubject.clear();
    }

    /**
     * The fault for one request.
     *
     * @param fingerprint identifies the request's content (equal for the retries of one request)
     * @param attempt     1 for a first try, 2 for its first retry, ...
     */
    public Fault decide(long fingerprint, int attempt) {
        return decide(fingerprint, null, attempt);
    }

    /**
     * The fault for one request about {@code subject} (null when it has none, or none is known).
     *
     * @param fingerprint identifies the request's content (equal for the retries of one request)
     * @param attempt     1 for a first try, 2 for its first retry, ...
     */
    public Fault decide(long fingerprint, String subject, int attempt) {
        synchronized (this) {
            if (!queued.isEmpty()) {
                return queued.poll();
            }
            SubjectFaults planned = subject == null ? null : bySubject.get(subject);
            if (planned != null) {
                return planned.next();
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
