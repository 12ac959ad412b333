package ai.asyncjava.kit.checks.ch04;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.BlockingQueue;

/**
 * When each item of a check's input stream arrives: the check plays the script itself, on its
 * own thread, so arrival times are the check's, not the learner's. Items are named
 * {@code item-01}, {@code item-02}, ... in arrival order.
 * <pre>{@code
 * new ArrivalScript().items(7, 10).pause(300).items(3, 20).endAfter(60)
 * }</pre>
 */
final class ArrivalScript {

    private final List<Long> offsetsMs = new ArrayList<>();
    private long clockMs;
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

    /** The next item comes {@code ms} after the last one. */
    ArrivalScript pause(long ms) {
        pendingPauseMs = ms;
        return this;
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

    /** When item {@code index} arrives, in ms after the first. */
    long offsetMs(int index) {
        return offsetsMs.get(index);
    }

    /** How long the whole script takes, end marker included. */
    Duration length() {
        return Duration.ofMillis(Math.max(endMs, clockMs));
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
        long start = System.nanoTime() + 5_000_000; // a moment for the stage to start waiting
        for (int i = 0; i < size(); i++) {
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
