package ai.asyncjava.kit.grading;

/** The grader's input is unusable as a whole (no such folder, nothing in it): a message, not a stack trace. */
public final class GradingInputException extends RuntimeException {

    public GradingInputException(String message) {
        super(message);
    }
}
