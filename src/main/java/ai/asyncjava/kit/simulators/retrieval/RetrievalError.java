package ai.asyncjava.kit.simulators.retrieval;

/**
 * An error answer of the search services, with its HTTP status:
 * {@code {"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "…", "field": "embedding"}}}
 * ({@code field} only when one field is to blame). {@link RetrievalIndex} throws it for the same
 * mistakes the services answer with it, so a check can predict the answer.
 */
public final class RetrievalError extends RuntimeException {

    private final int status;
    private final String field;

    /**
     * @param status  the HTTP status
     * @param field   the request field to blame ({@code embedding}, {@code top_k}, {@code q}), or null
     * @param message what exactly is wrong
     */
    public RetrievalError(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    /** A 400 blaming {@code field} (null when no one field is to blame). */
    static RetrievalError invalid(String field, String message) {
        return new RetrievalError(400, field, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The field to blame, or null. */
    public String field() {
        return field;
    }

    /** What exactly is wrong. */
    public String message() {
        return getMessage();
    }

    /** The status's name in the body: {@code INVALID_ARGUMENT}, {@code NOT_FOUND}, ... */
    public String statusName() {
        return statusName(status);
    }

    /** The name of an HTTP status in {@code error.status}: gRPC's names, as Google's APIs use them, where there is one. */
    static String statusName(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 500 -> "INTERNAL";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "UNKNOWN";
        };
    }

    @Override
    public String toString() {
        return status + " " + statusName() + (field == null ? "" : " (" + field + ")") + ": " + getMessage();
    }
}
