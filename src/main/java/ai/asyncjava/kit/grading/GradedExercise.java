package ai.asyncjava.kit.grading;

import ai.asyncjava.kit.checks.Exercise;
import java.util.List;
import java.util.Map;

/**
 * One exercise as the grader knows it: the kit's own copy of its check cell, which it runs in
 * place of whatever the submission's check cell says.
 *
 * @param id        a short name, unique within the chapter: the gradebook's {@code exercise}
 * @param title     as the learner knows it
 * @param exercise  the hidden checks
 * @param checkCall the check cell's code: one call naming the learner's classes, with the
 *                  checks' class fully qualified so it needs no import of the learner's
 */
public record GradedExercise(String id, String title, Exercise exercise, String checkCall) {

    /** The check methods, in report order, each with its row's name. */
    public Map<String, String> checks() {
        return exercise.checksByMethod();
    }

    public int total() {
        return checks().size();
    }

    /** The check methods whose rows have these names, in report order. */
    public List<String> methodsNamed(java.util.Collection<String> names) {
        return checks().entrySet().stream().filter(check -> names.contains(check.getValue()))
                .map(Map.Entry::getKey).toList();
    }
}
