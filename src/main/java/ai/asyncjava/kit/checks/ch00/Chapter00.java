package ai.asyncjava.kit.checks.ch00;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.exercises.ch00.FanOut;
import java.util.function.Supplier;

/**
 * The checks of chapter 00, one method per exercise. A notebook's check cell is one call,
 * left as the cell's last expression so the report shows:
 *
 * <pre>{@code Chapter00.checkFanOut(VirtualThreadFanOut::new)}</pre>
 */
public final class Chapter00 {

    /** Warm-up 1: call a slow service for many requests at once. */
    public static final Exercise FAN_OUT =
            new Exercise("Warm-up 1, FanOut: many slow calls at once", FanOutChecks.class);

    private Chapter00() {}

    /** Checks a {@link FanOut}; {@code newFanOut} makes a fresh one for every check. */
    public static CheckReport checkFanOut(Supplier<? extends FanOut> newFanOut) {
        return FAN_OUT.check(newFanOut);
    }
}
