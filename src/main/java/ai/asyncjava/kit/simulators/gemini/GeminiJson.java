package ai.asyncjava.kit.simulators.gemini;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The JSON bodies the simulator sends, in the v1beta REST shapes. */
final class GeminiJson {

    /**
     * Jackson's default buffer recycler is thread-local, useless with a virtual thread per
     * request; a shared pool keeps each answer from allocating fresh buffers.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedLockFreePool()).build());

    private GeminiJson() {
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e); // a tree of plain nodes always serialises
        }
    }

    /** A {@code GenerateContentResponse}: one candidate with {@code parts}. */
    static ObjectNode generateResponse(List<ObjectNode> parts, String finishReason, String model,
                                       int promptTokens, int answerTokens, String responseId) {
        ObjectNode response = MAPPER.createObjectNode();
        ObjectNode candidate = response.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addAll(parts);
        content.put("role", "model");
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
        }
        candidate.put("index", 0);
        ObjectNode usage = response.putObject("usageMetadata");
        usage.put("promptTokenCount", promptTokens);
        if (answerTokens > 0) {
            usage.put("candidatesTokenCount", answerTokens);
        }
        usage.put("totalTokenCount", promptTokens + answerTokens);
        usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", promptTokens);
        response.put("modelVersion", model);
        response.put("responseId", responseId);
        return response;
    }

    static ObjectNode textPart(String text) {
        return MAPPER.createObjectNode().put("text", text);
    }

    static ObjectNode functionCallPart(TurnPart.FunctionCall call) {
        ObjectNode part = MAPPER.createObjectNode();
        ObjectNode functionCall = part.putObject("functionCall");
        if (call.hasId()) {
            functionCall.put("id", call.id());
        }
        functionCall.put("name", call.name());
        functionCall.set("args", MAPPER.valueToTree(call.args()));
        if (call.hasThoughtSignature()) {
            part.put("thoughtSignature", call.thoughtSignature());
        }
        return part;
    }

    /** {@code {"embeddings":[{"values":[…]}, …]}}, the answer to batchEmbedContents. */
    static ObjectNode batchEmbeddings(List<float[]> vectors) {
        ObjectNode response = MAPPER.createObjectNode();
        ArrayNode embeddings = response.putArray("embeddings");
        vectors.forEach(v -> embeddings.add(values(v)));
        return response;
    }

    /** {@code {"embedding":{"values":[…]}}}, the answer to embedContent. */
    static ObjectNode singleEmbedding(float[] vector) {
        ObjectNode response = MAPPER.createObjectNode();
        response.set("embedding", values(vector));
        return response;
    }

    static ObjectNode tokenCount(int tokens) {
        ObjectNode response = MAPPER.createObjectNode();
        response.put("totalTokens", tokens);
        response.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", tokens);
        return response;
    }

    static ObjectNode model(GeminiModel model) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", model.resourceName());
        node.put("version", "001");
        node.put("displayName", model.displayName());
        node.put("description", model.displayName() + ", served by the course's local Gemini simulator.");
        node.put("inputTokenLimit", model.inputTokenLimit());
        node.put("outputTokenLimit", model.outputTokenLimit());
        ArrayNode methods = node.putArray("supportedGenerationMethods");
        model.supportedMethods().forEach(methods::add);
        if (!model.embeds()) {
            node.put("temperature", 1.0).put("topP", 0.95).put("topK", 64).put("maxTemperature", 2.0);
        }
        return node;
    }

    static ObjectNode modelList(List<GeminiModel> page, String nextPageToken) {
        ObjectNode response = MAPPER.createObjectNode();
        ArrayNode models = response.putArray("models");
        page.forEach(m -> models.add(model(m)));
        if (nextPageToken != null) {
            response.put("nextPageToken", nextPageToken);
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode node) {
        return node == null || !node.isObject() ? Map.of() : MAPPER.convertValue(node, Map.class);
    }

    private static ObjectNode values(float[] vector) {
        ObjectNode embedding = MAPPER.createObjectNode();
        ArrayNode values = embedding.putArray("values");
        for (float v : vector) {
            values.add(v);
        }
        return embedding;
    }
}
