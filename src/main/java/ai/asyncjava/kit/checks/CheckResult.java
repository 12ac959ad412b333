package ai.asyncjava.kit.checks;

import java.util.List;

/**
 * One row of a report.
 *
 * @param check        what was checked, in plain words (the check's display name)
 * @param status       how it ended
 * @param message      what went wrong, in the learner's terms; empty when it passed
 * @param learnerFrames for an exception: the first stack frames from the learner's own code
 * @param millis       how long the check ran
 */
public record CheckResult(String check, CheckStatus status, String message, List<String> learnerFrames, long millis) {

    /** How the message of a check stopped at its time limit begins. */
    public static final String OVERRAN = "Did not finish within ";

    public CheckResult {
        learnerFrames = List.copyOf(learnerFrames);
        message = message == null ? "" : message;
    }

    public boolean passed() {
        return status == CheckStatus.PASSED;
    }

    /** True when the check was stopped at its time limit (an endless loop, a deadlock, a lost wake-up). */
    public boolean overranItsLimit() {
        return status == CheckStatus.FAILED && message.startsWith(OVERRAN);
    }
}
