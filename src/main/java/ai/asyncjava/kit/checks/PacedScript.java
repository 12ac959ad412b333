package ai.asyncjava.kit.checks;

import ai.asyncjava.kit.simulators.gemini.DefaultScript;
import ai.asyncjava.kit.simulators.gemini.GeminiScript;
import ai.asyncjava.kit.simulators.gemini.ModelCall;
import ai.asyncjava.kit.simulators.gemini.ModelReply;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The simulator's answers, each given after a delay the check chooses per prompt: so a check
 * can make later prompts answer sooner, which the simulator's latency models (drawn at random)
 * cannot. In a hurry once anything was answered, it answers every later arrival at once: a check
 * that only needs to see whether all calls overlapped then costs one delay, not one per call,
 * even for code that sends them one after another.
 */
public final class PacedScript implements GeminiScript {

    private static final GeminiScript ANSWERS = new DefaultScript();

    private final Function<String, Duration> delayOf;
    private final boolean hurryOnceAnswered;
    private final AtomicBoolean answeredOne = new AtomicBoolean();

    private PacedScript(Function<String, Duration> delayOf, boolean hurryOnceAnswered) {
        this.delayOf = delayOf;
        this.hurryOnceAnswered = hurryOnceAnswered;
    }

    /** Every prompt answered after its own delay. */
    public static PacedScript delays(Function<String, Duration> delayOf) {
        return new PacedScript(delayOf, false);
    }

    /** Every prompt answered after {@code delay}. */
    public static PacedScript fixed(Duration delay) {
        return delays(prompt -> delay);
    }

    /** Calls that arrive before the first answer take {@code delay}; later ones are answered at once. */
    public static PacedScript hurryingAfterFirstAnswer(Duration delay) {
        return new PacedScript(prompt -> delay, true);
    }

    @Override
    public ModelReply reply(ModelCall call) {
        if (!(hurryOnceAnswered && answeredOne.get())) {
            try {
                Thread.sleep(delayOf.apply(call.lastTurn().text()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the simulator is stopping
            }
        }
        answeredOne.set(true);
        return ANSWERS.reply(call);
    }
}
