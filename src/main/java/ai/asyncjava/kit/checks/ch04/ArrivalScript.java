package ai.asyncjava.kit.checks.ch04;

import ai.asyncjava.kit.checks.CpuWhileWaiting;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * When each item of a check's input stream arrives: the check plays the script itself, on its
 * own thread, so arrival times are the check's, not the learner's. Items are named
 * {@code item-01}, {@code item-02}, ... in arrival order. A gap of 0 puts items on the queue
 * one right after another, a burst; {@link #waitingAtStart} puts items on it before the stage
 * under check starts, so they are all waiting at once, whatever the scheduler does.
 * <pre>{@code
 * new ArrivalScript().items(7, 10).pause(300).items(3, 0).quietPause("with 3 items pending").items(1, 10).endAfter(60)
 * }</pre>
 */
final class ArrivalScript {

    /** Before a quiet pause is measured, pending work (a full batch, its embedding call) settles. */
    static final long SETTLE_MS = 150;
    /** How long the processor time is measured in a quiet pause. */
    static final Duration CPU_WINDOW = Duration.ofMillis(400);

    /** What a quiet pause measured: the situation the learner's code waited in, and the processor time used. */
    record CpuReading(String situation, long usedNanos) {}

    private final List<Long> offsetsMs = new ArrayList<>();
    /** Quiet pauses, by the index of the item that follows them. */
    private final Map<Integer, String> quietBefore = new LinkedHashMap<>();
    private final List<CpuReading> readings = new ArrayList<>();
    private long clockMs;
    private int waitingAtStart;
    private boolean waitingPut;
    private long pendingPauseMs = -1;
    private long endMs = -1;

    /** {@code count} items, each {@code gapMs} after the one before (the first after a pending pause). */
    ArrivalScript items(int count, long gapMs) {
        for (int i = 0; i < count; i++) {
            if (!offsetsMs.isEmpty()) {
                clockMs += i == 0 && pendingPauseMs >= 0 ? pendingPauseMs : gapMs;
            }
            offsetsMs.add(clockMs);
        }
        pendingPauseMs = -1;
        return this;
    }

    /**
     * {@code count} items already waiting on the queue when the stage starts: a burst that is
     * sure to be all there the first time the stage looks. Comes first in a script.
     */
    ArrivalScript waitingAtStart(int count) {
        if (!offsetsMs.isEmpty()) {
            throw new IllegalStateException("the items waiting at the start come first");
        }
        items(count, 0);
        waitingAtStart = count;
        return this;
    }

    /** Puts the items of {@link #waitingAtStart} on {@code input}; call it before the stage starts. */
    void putWaitingAtStart(BlockingQueue<Message<String>> input) throws InterruptedException {
        for (int i = 0; i < waitingAtStart; i++) {
            input.put(Message.item(name(i)));
        }
        waitingPut = true;
    }

    /** The next item comes {@code ms} after the last one. */
    ArrivalScript pause(long ms) {
        pendingPauseMs = ms;
        return this;
    }

    /**
     * A pause in which nothing arrives and nothing is due, so the code under check can only
     * wait ({@code situation} says with what, "with 2 items pending"): after {@link #SETTLE_MS}
     * the check measures the processor time the program uses for {@link #CPU_WINDOW}.
     */
    ArrivalScript quietPause(String situation) {
        if (offsetsMs.isEmpty()) {
            throw new IllegalStateException("a quiet pause follows an item");
        }
        quietBefore.put(offsetsMs.size(), situation);
        return pause(SETTLE_MS + CPU_WINDOW.toMillis() + 50);
    }

    /** The end-of-stream marker comes {@code ms} after the last item. */
    ArrivalScript endAfter(long ms) {
        endMs = clockMs + ms;
        return this;
    }

    int size() {
        return offsetsMs.size();
    }

    static String name(int index) {
        return String.format("item-%02d", index + 1);
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            names.add(name(i));
        }
        return names;
    }

    /** What the quiet pauses measured in the last {@link #play}, in script order. */
    List<CpuReading> cpuReadings() {
        return List.copyOf(readings);
    }

    /**
     * Puts each item on {@code input} at its time, then the end-of-stream marker. Stops early
     * (without the marker) when {@code giveUp} says so, e.g. because the stage under check died.
     *
     * @return {@link System#nanoTime()} just before the marker was put; 0 when it was not
     */
    long play(BlockingQueue<Message<String>> input, BooleanSupplier giveUp) throws InterruptedException {
        if (endMs < 0) {
            throw new IllegalStateException("the script has no end: call endAfter");
        }
        if (waitingAtStart > 0 && !waitingPut) {
            throw new IllegalStateException("put the items waiting at the start before the stage starts");
        }
        readings.clear();
        long start = System.nanoTime() + 5_000_000; // a moment for the stage to start waiting
        for (int i = waitingAtStart; i < size(); i++) {
            String quiet = quietBefore.get(i);
            if (quiet != null) {
                if (!sleepUntil(start + (offsetsMs.get(i - 1) + SETTLE_MS) * 1_000_000, giveUp)) {
                    return 0;
                }
                readings.add(new CpuReading(quiet, CpuWhileWaiting.measure(CPU_WINDOW, Tolerances.Ch04.CPU_WHILE_WAITING).used().toNanos()));
            }
            if (!sleepUntil(start + offsetsMs.get(i) * 1_000_000, giveUp)) {
                return 0;
            }
            input.put(Message.item(name(i)));
        }
        if (!sleepUntil(start + endMs * 1_000_000, giveUp)) {
            return 0;
        }
        long endNanos = System.nanoTime();
        input.put(Message.end());
        return endNanos;
    }

    private static boolean sleepUntil(long nanos, BooleanSupplier giveUp) throws InterruptedException {
        while (true) {
            if (giveUp.getAsBoolean()) {
                return false;
            }
            long left = nanos - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            // Short naps, so a stage that died is noticed soon.
            Thread.sleep(Duration.ofNanos(Math.min(left, 20_000_000)));
        }
    }
}
