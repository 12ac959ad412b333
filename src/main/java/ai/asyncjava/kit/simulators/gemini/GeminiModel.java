package ai.asyncjava.kit.simulators.gemini;

import java.util.List;
import java.util.Optional;

/**
 * A model the simulator serves, with what {@code GET /v1beta/models} says about it.
 *
 * @param id                  e.g. {@code gemini-2.5-flash}
 * @param displayName         e.g. {@code Gemini 2.5 Flash}
 * @param inputTokenLimit     the most prompt tokens
 * @param outputTokenLimit    the most answer tokens
 * @param embeddingDimensions 0 for a generation model; the full vector length for an embedding model
 */
public record GeminiModel(String id, String displayName, int inputTokenLimit, int outputTokenLimit,
                          int embeddingDimensions) {

    /** The models the simulator knows, the ones the course uses first. */
    public static final List<GeminiModel> ALL = List.of(
            new GeminiModel("gemini-2.5-flash", "Gemini 2.5 Flash", 1_048_576, 65_536, 0),
            new GeminiModel("gemini-2.5-flash-lite", "Gemini 2.5 Flash-Lite", 1_048_576, 65_536, 0),
            new GeminiModel("gemini-2.5-pro", "Gemini 2.5 Pro", 1_048_576, 65_536, 0),
            new GeminiModel("gemini-2.0-flash", "Gemini 2.0 Flash", 1_048_576, 8_192, 0),
            new GeminiModel("gemini-2.0-flash-lite", "Gemini 2.0 Flash-Lite", 1_048_576, 8_192, 0),
            new GeminiModel("gemini-flash-latest", "Gemini Flash Latest", 1_048_576, 65_536, 0),
            new GeminiModel("gemini-embedding-001", "Gemini Embedding 001", 2_048, 1, 3072),
            new GeminiModel("text-embedding-004", "Text Embedding 004", 2_048, 1, 768));

    /** The model called {@code id} (with or without the {@code models/} prefix). */
    public static Optional<GeminiModel> find(String id) {
        String bare = id.startsWith("models/") ? id.substring(7) : id;
        return ALL.stream().filter(m -> m.id.equals(bare)).findFirst();
    }

    /** True for an embedding model, false for a generation model. */
    public boolean embeds() {
        return embeddingDimensions > 0;
    }

    /** The REST methods it supports, as {@code supportedGenerationMethods} lists them. */
    public List<String> supportedMethods() {
        return embeds()
                ? List.of("embedContent", "batchEmbedContents", "countTokens")
                : List.of("generateContent", "streamGenerateContent", "countTokens");
    }

    /** The resource name, {@code models/ID}. */
    public String resourceName() {
        return "models/" + id;
    }
}
