package ai.asyncjava.kit.grading;

/** Which first-pass grades have checks to run again alone, and the grading state to resume from. */
final class Reruns {

    private Reruns() {}

    /** True when some exercise's checks ran and not all passed. */
    static boolean needed(SubmissionGrade grade) {
        return grade.exercises().stream().anyMatch(exercise -> !exercise.checks().isEmpty()
                && exercise.checks().stream().anyMatch(row -> !row.passed()));
    }

    /** The grading state of a first pass read back from its grade (after the grader was stopped and restarted). */
    static SubmissionGrader.Work resume(Submission submission, SubmissionGrade first) {
        SubmissionGrader.Work work = new SubmissionGrader.Work(submission);
        work.notes.addAll(first.notes());
        work.millis = first.millis();
        for (ExerciseGrade grade : first.exercises()) {
            ExerciseState state = work.exercises.get(grade.exercise());
            if (state != null) {
                state.restore(grade);
            }
        }
        return work;
    }
}
