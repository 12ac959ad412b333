package ai.asyncjava.kit.grading;

import java.util.List;

/**
 * One row of the gradebook: one exercise of one chapter of one student's submission.
 *
 * @param student  the student's name, from the folder or zip the notebook came in
 * @param chapter  the chapter, as two digits ("02")
 * @param exercise the exercise's id within the chapter ("sliding-window")
 * @param title    the exercise's title, as the notebook's report heads it
 * @param passed   checks passed
 * @param total    checks the exercise has (every check counts, run or not)
 * @param status   how grading ended
 * @param reason   in plain words, why it did not get full marks; empty when it did
 * @param checks   one row per check, in the report's order; empty when none ran
 */
public record ExerciseGrade(String student, String chapter, String exercise, String title, int passed, int total,
                            GradeStatus status, String reason, List<CheckRow> checks) {

    public ExerciseGrade {
        checks = List.copyOf(checks);
        reason = reason == null ? "" : reason;
        if (passed < 0 || passed > total) {
            throw new IllegalArgumentException("passed " + passed + " of " + total + " for " + exercise);
        }
    }

    /** The share of checks passed, 0 to 1; 0 for an exercise without checks. */
    public double score() {
        return total == 0 ? 0 : (double) passed / total;
    }

    public boolean fullMarks() {
        return total > 0 && passed == total;
    }
}
