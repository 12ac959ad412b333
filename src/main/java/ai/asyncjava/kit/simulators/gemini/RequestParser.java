package ai.asyncjava.kit.simulators.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a request's route and JSON body into a {@link GeminiCall}, or the 400/404 the real API
 * gives for the same mistake (field paths and wording follow its messages).
 */
final class RequestParser {

    /** The most texts one batchEmbedContents call may carry. */
    static final int MAX_EMBED_BATCH = 100;

    private RequestParser() {
    }

    static GeminiCall parse(GeminiRoute route, byte[] body, Map<String, String> query) throws ApiError {
        GeminiAction action = route.action();
        JsonNode queryNode = GeminiJson.MAPPER.valueToTree(query);
        if (action == GeminiAction.LIST_MODELS) {
            return new GeminiCall(action, null, null, 0, List.of(), 0, 0, queryNode);
        }
        GeminiModel model = GeminiModel.find(route.model())
                .filter(m -> action == GeminiAction.GET_MODEL || m.supportedMethods().contains(action.method))
                .orElseThrow(() -> ApiError.unknownModel(route.model(), action.method));
        if (action == GeminiAction.GET_MODEL) {
            return new GeminiCall(action, model, null, 0, List.of(), 0, 0, queryNode);
        }
        JsonNode json = readJson(body);
        return switch (action) {
            case GENERATE_CONTENT, STREAM_GENERATE_CONTENT -> generation(action, model, json, queryNode);
            case COUNT_TOKENS -> countTokens(model, json, queryNode);
            case EMBED_CONTENT -> embedding(action, model, List.of(json), "EmbedContentRequest", queryNode);
            case BATCH_EMBED_CONTENTS -> batchEmbedding(model, json, queryNode);
            default -> throw new IllegalStateException("unrouted action " + action);
        };
    }

    private static JsonNode readJson(byte[] body) throws ApiError {
        if (body.length == 0) {
            return GeminiJson.MAPPER.createObjectNode();
        }
        try {
            JsonNode json = GeminiJson.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw ApiError.malformedJson("Expected a JSON object at the top level.");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw ApiError.malformedJson("Unexpected token: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.malformedJson("Unreadable body.");
        }
    }

    private static GeminiCall generation(GeminiAction action, GeminiModel model, JsonNode json, JsonNode query)
            throws ApiError {
        List<Turn> turns = ConversationReader.turns(json.path("contents"), "GenerateContentRequest.contents");
        String system = ConversationReader.systemText(json.path("systemInstruction"));
        List<ToolDeclaration> tools = ConversationReader.tools(json.path("tools"));
        String mode = json.path("toolConfig").path("functionCallingConfig").path("mode").asText("AUTO");
        ModelCall conversation = new ModelCall(model.id(), system, turns, tools, mode);
        int maxOutput = json.path("generationConfig").path("maxOutputTokens").asInt(0);
        if (maxOutput < 0) {
            throw ApiError.invalidArgument("* GenerateContentRequest.generation_config.max_output_tokens: "
                    + "max_output_tokens must be positive.\n");
        }
        int tokens = ConversationReader.tokens(turns) + TokenCounter.count(system);
        return new GeminiCall(action, model, conversation, maxOutput, List.of(), 0, tokens, query);
    }

    private static GeminiCall countTokens(GeminiModel model, JsonNode json, JsonNode query) throws ApiError {
        JsonNode contents = json.has("generateContentRequest")
                ? json.path("generateContentRequest").path("contents") : json.path("contents");
        List<Turn> turns = ConversationReader.turns(contents, "CountTokensRequest.contents");
        return new GeminiCall(GeminiAction.COUNT_TOKENS, model, null, 0, List.of(), 0,
                ConversationReader.tokens(turns), query);
    }

    private static GeminiCall batchEmbedding(GeminiModel model, JsonNode json, JsonNode query) throws ApiError {
        JsonNode requests = json.path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            throw ApiError.invalidArgument("* BatchEmbedContentsRequest.requests: requests is not specified\n");
        }
        if (requests.size() > MAX_EMBED_BATCH) {
            throw ApiError.invalidArgument("* BatchEmbedContentsRequest.requests: at most " + MAX_EMBED_BATCH
                    + " requests can be in one batch\n");
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : requests) {
            String named = item.path("model").asText(model.resourceName());
            if (!GeminiModel.find(named).map(model::equals).orElse(false)) {
                throw ApiError.invalidArgument("Model names should be the same in the BatchEmbedContentsRequest "
                        + "and its requests: " + model.resourceName() + " != " + named);
            }
            items.add(item);
        }
        return embedding(GeminiAction.BATCH_EMBED_CONTENTS, model, items,
                "BatchEmbedContentsRequest.requests[].", query);
    }

    private static GeminiCall embedding(GeminiAction action, GeminiModel model, List<JsonNode> items, String where,
                                        JsonNode query) throws ApiError {
        List<String> texts = new ArrayList<>();
        int dimensions = model.embeddingDimensions();
        for (JsonNode item : items) {
            JsonNode content = item.path("content");
            if (!content.isObject()) {
                throw ApiError.invalidArgument("* " + where + "content: content is not specified\n");
            }
            Turn turn = ConversationReader.turn(content, where + "content");
            texts.add(turn.text());
            JsonNode asked = item.path("outputDimensionality");
            if (!(asked instanceof MissingNode) && !asked.isNull()) {
                if (!asked.canConvertToInt() || asked.asInt() < 1 || asked.asInt() > model.embeddingDimensions()) {
                    throw ApiError.invalidArgument("* " + where + "output_dimensionality: must be between 1 and "
                            + model.embeddingDimensions() + ", got " + asked.asText() + "\n");
                }
                dimensions = asked.asInt();
            }
        }
        int tokens = texts.stream().mapToInt(TokenCounter::count).sum();
        return new GeminiCall(action, model, null, 0, List.copyOf(texts), dimensions, tokens, query);
    }
}
