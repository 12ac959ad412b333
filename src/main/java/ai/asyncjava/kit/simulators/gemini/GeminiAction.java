package ai.asyncjava.kit.simulators.gemini;

/** The REST methods the simulator serves, with how quotas and faults treat them. */
enum GeminiAction {
    GENERATE_CONTENT("generateContent", true),
    STREAM_GENERATE_CONTENT("streamGenerateContent", true),
    EMBED_CONTENT("embedContent", true),
    BATCH_EMBED_CONTENTS("batchEmbedContents", true),
    COUNT_TOKENS("countTokens", false),
    LIST_MODELS("models.list", false),
    GET_MODEL("models.get", false);

    /** The name in paths and in the request log's {@code method} column. */
    final String method;
    /** Whether it uses up quota and may be given a fault: the calls that cost money for real. */
    final boolean metered;

    GeminiAction(String method, boolean metered) {
        this.method = method;
        this.metered = metered;
    }

    /** The action named {@code method} after the colon in a path, or null. */
    static GeminiAction fromPathVerb(String method) {
        for (GeminiAction action : values()) {
            if (action.method.equals(method) && !method.startsWith("models.")) {
                return action;
            }
        }
        return null;
    }

    boolean generates() {
        return this == GENERATE_CONTENT || this == STREAM_GENERATE_CONTENT;
    }

    boolean embeds() {
        return this == EMBED_CONTENT || this == BATCH_EMBED_CONTENTS;
    }
}
