package ai.asyncjava.kit.checks;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A one-check exercise for harness tests: it just runs the learner's {@link Runnable}. */
@HiddenChecks(secondsPerCheck = 1, secondsInAll = 3)
class RunsLearnerCode {

    static final Exercise EXERCISE = new Exercise("Runs learner code", RunsLearnerCode.class);

    @Test
    @DisplayName("finishes")
    void finishes(Runnable learnerCode) {
        learnerCode.run();
    }
}
