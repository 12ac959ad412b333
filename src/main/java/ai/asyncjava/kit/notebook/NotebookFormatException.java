package ai.asyncjava.kit.notebook;

/** A file that is not a notebook the course tools can read: bad JSON, or not nbformat 4. */
public final class NotebookFormatException extends RuntimeException {

    public NotebookFormatException(String message) {
        super(message);
    }

    public NotebookFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
