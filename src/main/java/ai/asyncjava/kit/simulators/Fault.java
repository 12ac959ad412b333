package ai.asyncjava.kit.simulators;

/** A failure a simulator can inject into one request. */
public enum Fault {
    /** No fault: the request is served normally. */
    NONE("none"),
    /** HTTP 500, the server's own error. */
    INTERNAL_ERROR("500"),
    /** HTTP 503, the service is overloaded. */
    UNAVAILABLE("503"),
    /** The server holds the request past its deadline, then answers 504. */
    HANG("hang"),
    /** The server closes the connection without answering. */
    DROP("drop"),
    /** HTTP 429 RESOURCE_EXHAUSTED: over quota; for chosen requests only (quotas are set in the simulator's config). */
    RESOURCE_EXHAUSTED("429"),
    /** HTTP 400 INVALID_ARGUMENT: the request itself is wrong, so trying it again cannot help; for chosen requests only. */
    INVALID_ARGUMENT("400");

    private final String label;

    Fault(String label) {
        this.label = label;
    }

    /** The short name used in flags and in the request log's {@code fault} column. */
    public String label() {
        return label;
    }

    /** The fault with this {@link #label()} (or enum name). */
    public static Fault fromLabel(String text) {
        for (Fault fault : values()) {
            if (fault.label.equalsIgnoreCase(text) || fault.name().equalsIgnoreCase(text)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + text + "'; use 500, 503, hang, drop, 429 or 400");
    }
}
