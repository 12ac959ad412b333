package ai.asyncjava.kit.grading;

import ai.asyncjava.kit.checks.CheckStatus;
import java.util.List;

/**
 * One check of one exercise as the grader recorded it: the row the learner sees in the
 * notebook, and what happened when a failing check was run again alone.
 *
 * @param name          the check's display name, as in the notebook's report
 * @param status        how it ended in the end (after the re-run, if there was one)
 * @param message       what went wrong, in the learner's terms; empty when it passed
 * @param learnerFrames lines of the learner's code an exception came from
 * @param millis        how long the check ran (its last run)
 * @param rerun         whether the check was run again alone, and how that went
 * @param firstMessage  for a re-run check, what its first (parallel) run said
 */
public record CheckRow(String name, CheckStatus status, String message, List<String> learnerFrames, long millis,
                       Rerun rerun, String firstMessage) {

    /** Whether a failing check was run a second time, alone, after the parallel phase. */
    public enum Rerun {
        /** It passed the first time, or could not be re-run (it never ran). */
        NONE,
        /** It failed in the parallel phase and passed alone: the first failure was the machine's load. */
        PASSED_ALONE,
        /** It failed in the parallel phase and again alone. */
        FAILED_ALONE
    }

    public CheckRow {
        learnerFrames = List.copyOf(learnerFrames);
        message = message == null ? "" : message;
        firstMessage = firstMessage == null ? "" : firstMessage;
    }

    public boolean passed() {
        return status == CheckStatus.PASSED;
    }

    /** A row for a check that never ran, with the reason. */
    public static CheckRow notRun(String name, String reason) {
        return new CheckRow(name, CheckStatus.NOT_RUN, reason, List.of(), 0, Rerun.NONE, "");
    }
}
