package ai.asyncjava.kit.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows for what could not be graded, so that no student and no chapter goes missing from
 * the gradebook: a row per file that is not a gradable notebook, and a {@code missing} row per
 * exercise of every chapter the student handed nothing in for.
 */
final class Placeholders {

    private Placeholders() {}

    static List<SubmissionGrade> of(HandedIn student, List<String> chapters, GradingLimits limits) {
        List<SubmissionGrade> rows = new ArrayList<>();
        for (HandedIn.Problem problem : student.problems()) {
            ExerciseGrade row = new ExerciseGrade(student.student(), "", "", "", 0, 0, GradeStatus.INVALID_NOTEBOOK,
                    ExerciseState.shorten(problem.reason()), List.of());
            rows.add(new SubmissionGrade(student.student(), "", problem.fileName(), problem.sha256(), List.of(row),
                    List.of(problem.reason()), limits, 0));
        }
        for (String chapterId : chapters) {
            boolean handedIn = student.notebooks().stream().anyMatch(s -> s.chapter().id().equals(chapterId));
            if (handedIn) {
                continue;
            }
            GradedChapter chapter = CourseChapters.byId(chapterId).orElseThrow();
            String reason = "no notebook of chapter " + chapterId + " (" + chapter.notebookFile() + ") was handed in"
                    + (student.problems().isEmpty() ? "" : "; see the invalid-notebook row(s) above");
            List<ExerciseGrade> missing = chapter.exercises().stream().map(exercise -> new ExerciseGrade(
                    student.student(), chapterId, exercise.id(), exercise.title(), 0, exercise.total(),
                    GradeStatus.MISSING, reason, List.of())).toList();
            rows.add(new SubmissionGrade(student.student(), chapterId, "", "", missing, List.of(reason), limits, 0));
        }
        return rows;
    }
}
