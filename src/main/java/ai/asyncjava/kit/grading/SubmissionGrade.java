package ai.asyncjava.kit.grading;

import java.util.List;

/**
 * Everything the grader found about one notebook of one student: what {@code results.json},
 * {@code feedback.html} and the gradebook's rows are written from.
 *
 * @param student   the student's name
 * @param chapter   the chapter ("02"); for a notebook whose chapter is unknown, its file name
 * @param notebook  the notebook's file name as handed in (a renamed one keeps its name)
 * @param sha256    the notebook file's hash: a re-run skips submissions already graded with it
 * @param exercises one grade per exercise of the chapter, in the notebook's order
 * @param notes     what the grader wants the learner to know beyond the checks (cells that did
 *                  not compile, a cell it had to leave out, how the network was closed)
 * @param limits    the limits it was graded under
 * @param millis    how long grading it took, re-runs included
 */
public record SubmissionGrade(String student, String chapter, String notebook, String sha256,
                              List<ExerciseGrade> exercises, List<String> notes, GradingLimits limits, long millis) {

    public SubmissionGrade {
        exercises = List.copyOf(exercises);
        notes = List.copyOf(notes);
    }

    public int passed() {
        return exercises.stream().mapToInt(ExerciseGrade::passed).sum();
    }

    public int total() {
        return exercises.stream().mapToInt(ExerciseGrade::total).sum();
    }
}
