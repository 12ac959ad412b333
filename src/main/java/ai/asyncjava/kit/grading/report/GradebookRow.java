package ai.asyncjava.kit.grading.report;

import ai.asyncjava.kit.grading.ExerciseGrade;
import ai.asyncjava.kit.grading.GradeStatus;

/**
 * One line of the gradebook CSV as a value: what {@link GradebookCsv} writes and reads back, so
 * that gradebooks of several runs (a late submission graded on its own) can be merged.
 *
 * @param student  the student's name
 * @param chapter  the chapter ("02")
 * @param exercise the exercise's id within the chapter
 * @param passed   checks passed
 * @param total    checks the exercise has
 * @param score    passed / total, 0 to 1; read back from a file it is rounded to 2 decimals
 * @param status   how grading ended
 * @param reason   why it did not get full marks; empty when it did
 */
public record GradebookRow(String student, String chapter, String exercise, int passed, int total, double score,
                           GradeStatus status, String reason) {

    public GradebookRow {
        reason = reason == null ? "" : reason;
    }

    public static GradebookRow of(ExerciseGrade grade) {
        return new GradebookRow(grade.student(), grade.chapter(), grade.exercise(), grade.passed(), grade.total(),
                grade.score(), grade.status(), grade.reason());
    }
}
