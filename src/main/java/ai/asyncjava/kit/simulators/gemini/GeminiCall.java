package ai.asyncjava.kit.simulators.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A request that passed validation: what it asks for, ready to be answered.
 *
 * @param action       the REST method
 * @param model        the model (null when listing models)
 * @param conversation for generation: the conversation the script answers; otherwise null
 * @param maxOutputTokens for generation: the answer's token limit, 0 for none
 * @param embedTexts   for embeddings: the texts, in order
 * @param dimensions   for embeddings: the vector length to return
 * @param promptTokens the request's input tokens
 * @param query        query parameters (page size and token for listing)
 */
record GeminiCall(GeminiAction action, GeminiModel model, ModelCall conversation, int maxOutputTokens,
                  List<String> embedTexts, int dimensions, int promptTokens, JsonNode query) {

    /** How many items the request carries: texts for an embedding batch, 1 otherwise. */
    int batchSize() {
        return action.embeds() ? embedTexts.size() : 1;
    }

    /** The model's id, or "" when the request names none. */
    String modelId() {
        return model == null ? "" : model.id();
    }
}
