package ai.asyncjava.kit.grading.report;

import ai.asyncjava.kit.grading.CheckRow;
import ai.asyncjava.kit.grading.GradingLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * What a learner reads about one check outside the notebook: its message, the lines of their
 * code it came from, and what happened when it was run again alone. Every output file words
 * these the same way, so that {@code results.json}, the feedback page and the CI report agree.
 */
public final class CheckText {

    private CheckText() {}

    /**
     * The message, then one "at ..." line per learner frame, then the re-run sentence: the whole
     * story of a check that did not pass, as plain text. Empty for a check that passed first time.
     */
    public static String details(CheckRow row, GradingLimits limits) {
        List<String> lines = new ArrayList<>();
        if (!row.message().isEmpty()) {
            lines.add(row.message());
        }
        row.learnerFrames().forEach(frame -> lines.add("at " + frame));
        String rerun = rerun(row, limits);
        if (!rerun.isEmpty()) {
            lines.add(rerun);
        }
        return String.join("\n", lines);
    }

    /**
     * "failed while 4 submissions were graded at once (timed out after 2.0 s); passed when run
     * again alone", or "...; failed again when run alone", or empty for a check that was not
     * re-run. It tells a learner whether a failure was theirs or the grading machine's load. The
     * first run's message is left out when it says the same as the final one.
     */
    public static String rerun(CheckRow row, GradingLimits limits) {
        String outcome = switch (row.rerun()) {
            case NONE -> null;
            case PASSED_ALONE -> "passed when run again alone";
            case FAILED_ALONE -> "failed again when run alone";
        };
        if (outcome == null) {
            return "";
        }
        String first = firstRun(limits);
        boolean saysMore = !row.firstMessage().isEmpty() && !row.firstMessage().equals(row.message());
        return first + (saysMore ? " (" + row.firstMessage() + ")" : "") + "; " + outcome;
    }

    /** "failed while 4 submissions were graded at once": why a first run may fail that would pass alone. */
    static String firstRun(GradingLimits limits) {
        return limits != null && limits.jobs() > 1
                ? "failed while " + limits.jobs() + " submissions were graded at once"
                : "failed on its first run";
    }
}
