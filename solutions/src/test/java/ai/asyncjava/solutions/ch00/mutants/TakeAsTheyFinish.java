package ai.asyncjava.solutions.ch00.mutants;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;

/** The reference's loop for the FirstAnswers mutants whose bug lies elsewhere. */
final class TakeAsTheyFinish {

    private TakeAsTheyFinish() {}

    /** The first {@code wanted} answers of {@code submitted} calls, failures skipped; throws when too few come. */
    static List<String> firstAnswers(CompletionService<String> finished, int submitted, int wanted) throws Exception {
        List<String> answers = new ArrayList<>();
        ExecutionException lastFailure = null;
        for (int taken = 0; taken < submitted && answers.size() < wanted; taken++) {
            try {
                answers.add(finished.take().get());
            } catch (ExecutionException failed) {
                lastFailure = failed;
            }
        }
        if (answers.size() < wanted) {
            throw lastFailure;
        }
        return answers;
    }
}
