package ai.asyncjava.kit.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a failed check threw into a row's message. A check's own assertion already
 * speaks the learner's language; any other exception came out of the learner's code, so
 * the row says which exception it was and where in their code it started.
 */
final class FailureMessages {

    private static final int FRAMES_SHOWN = 3;

    private FailureMessages() {}

    static String message(Throwable thrown) {
        if (thrown instanceof AssertionError) {
            return String.valueOf(thrown.getMessage());
        }
        return "Your code threw " + Wording.exceptionChain(thrown) + ".";
    }

    /** The learner frames of the innermost exception that has any: where the trouble began. */
    static List<String> learnerFrames(Throwable thrown) {
        if (thrown instanceof AssertionError) {
            return List.of();
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain.reversed()) {
            List<String> frames = LearnerFrames.first(t.getStackTrace(), FRAMES_SHOWN);
            if (!frames.isEmpty()) {
                return frames;
            }
        }
        return List.of();
    }
}
