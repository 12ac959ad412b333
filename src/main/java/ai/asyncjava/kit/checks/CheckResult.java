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

    public CheckResult {
        learnerFrames = List.copyOf(learnerFrames);
        message = message == null ? "" : message;
    }

    public boolean passed() {
        return status == CheckStatus.PASSED;
    }
}
