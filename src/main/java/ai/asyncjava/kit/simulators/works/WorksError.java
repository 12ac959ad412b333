package ai.asyncjava.kit.simulators.works;

/**
 * An error answer in OpenAlex's shape, {@code {"error": "…", "message": "…"}}, with its HTTP
 * status. {@link Corpus#search} throws it for the same mistakes the server answers with it, so
 * a check can predict the server's answer.
 */
public final class WorksError extends RuntimeException {

    /** OpenAlex's {@code error} for a bad parameter (its APIQueryParamsError). */
    public static final String INVALID_PARAMETERS = "Invalid query parameters error.";
    /** OpenAlex's {@code error} for bad {@code page} or {@code per_page} (its APIPaginationError). */
    public static final String PAGINATION = "Pagination error.";

    private final int status;
    private final String error;

    /**
     * @param status  the HTTP status
     * @param error   the short kind of error, OpenAlex's {@code error} field
     * @param message what exactly is wrong, OpenAlex's {@code message} field
     */
    public WorksError(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    /** A 400 for a bad query parameter. */
    static WorksError invalidParameter(String message) {
        return new WorksError(400, INVALID_PARAMETERS, message);
    }

    /** A 400 for bad paging. */
    static WorksError pagination(String message) {
        return new WorksError(400, PAGINATION, message);
    }

    /** A 404 with {@code message}. */
    static WorksError notFound(String message) {
        return new WorksError(404, "Not Found", message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The short kind of error: the body's {@code error} field. */
    public String error() {
        return error;
    }

    /** What exactly is wrong: the body's {@code message} field. */
    public String message() {
        return getMessage();
    }

    @Override
    public String toString() {
        return status + " " + error + " " + getMessage();
    }
}
