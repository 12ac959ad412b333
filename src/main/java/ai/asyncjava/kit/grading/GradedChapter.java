package ai.asyncjava.kit.grading;

import java.util.List;
import java.util.Optional;

/**
 * A chapter the grader can grade: its id as the notebook's metadata carries it, the released
 * notebook's file name, and its exercises in the notebook's order.
 */
public record GradedChapter(String id, String title, String notebookFile, List<GradedExercise> exercises) {

    public GradedChapter {
        exercises = List.copyOf(exercises);
    }

    public Optional<GradedExercise> exercise(String exerciseId) {
        return exercises.stream().filter(e -> e.id().equals(exerciseId)).findFirst();
    }
}
