package ai.asyncjava.kit.checks.ch01;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import com.google.genai.Client;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The checks of chapter 01, one method per exercise. A notebook's check cell is one call, left
 * as the cell's last expression so the report shows:
 *
 * <pre>{@code Chapter01.checkPromptFanOut(VirtualThreadsFanOut::new)}</pre>
 */
public final class Chapter01 {

    /** Many prompts at once, through {@code client.async} or virtual threads over the sync client. */
    public static final Exercise PROMPT_FAN_OUT =
            new Exercise("Step 3, PromptFanOut: many prompts at once", PromptFanOutChecks.class);

    /** Going further: many prompts, at most a given number in flight. */
    public static final Exercise CAPPED_FAN_OUT =
            new Exercise("Going further, CappedFanOut: a cap on the calls in flight", CappedFanOutChecks.class);

    private Chapter01() {}

    /**
     * Checks a {@link PromptFanOut}; {@code newFanOut} makes a fresh one for every check from a
     * client builder pointed at the check's own simulator.
     */
    public static CheckReport checkPromptFanOut(Function<Client.Builder, ? extends PromptFanOut> newFanOut) {
        return PROMPT_FAN_OUT.check(newFanOut);
    }

    /**
     * Checks a capped {@link PromptFanOut}; {@code newFanOut} makes one from a client builder and
     * the most calls it may have in flight.
     */
    public static CheckReport checkCappedFanOut(BiFunction<Client.Builder, Integer, ? extends PromptFanOut> newFanOut) {
        return CAPPED_FAN_OUT.check(newFanOut);
    }
}
