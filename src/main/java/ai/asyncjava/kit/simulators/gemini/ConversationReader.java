package ai.asyncjava.kit.simulators.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads {@code contents}, {@code systemInstruction} and {@code tools} from a request body. */
final class ConversationReader {

    private ConversationReader() {
    }

    static List<Turn> turns(JsonNode contents, String where) throws ApiError {
        if (!contents.isArray() || contents.isEmpty()) {
            throw ApiError.invalidArgument("* " + where + ": contents is not specified\n");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            turns.add(turn(contents.get(i), where + "[" + i + "]"));
        }
        return turns;
    }

    static Turn turn(JsonNode content, String where) throws ApiError {
        JsonNode parts = content.path("parts");
        if (!parts.isArray() || parts.isEmpty()) {
            throw ApiError.invalidArgument("* " + where + ".parts: contents.parts must not be empty.\n");
        }
        List<TurnPart> read = new ArrayList<>();
        for (JsonNode part : parts) {
            read.add(part(part));
        }
        return new Turn(content.path("role").asText("user"), read);
    }

    static String systemText(JsonNode systemInstruction) throws ApiError {
        return systemInstruction.isObject() ? turn(systemInstruction, "systemInstruction").text() : "";
    }

    static List<ToolDeclaration> tools(JsonNode tools) {
        List<ToolDeclaration> declared = new ArrayList<>();
        for (JsonNode tool : tools) {
            for (JsonNode f : tool.path("functionDeclarations")) {
                JsonNode schema = f.has("parametersJsonSchema") ? f.get("parametersJsonSchema") : f.path("parameters");
                declared.add(new ToolDeclaration(f.path("name").asText(), f.path("description").asText(""),
                        GeminiJson.toMap(schema)));
            }
        }
        return declared;
    }

    /** The tokens of every text, function call and function response in {@code turns}. */
    static int tokens(List<Turn> turns) {
        int tokens = 0;
        for (Turn turn : turns) {
            for (TurnPart part : turn.parts()) {
                tokens += switch (part) {
                    case TurnPart.Text t -> TokenCounter.count(t.text());
                    case TurnPart.FunctionCall c -> TokenCounter.count(c.name() + " " + c.args());
                    case TurnPart.FunctionResponse r -> TokenCounter.count(r.name() + " " + r.response());
                    case TurnPart.Other o -> 258; // what the real API charges for a small image
                };
            }
        }
        return tokens;
    }

    private static TurnPart part(JsonNode part) {
        if (part.has("text")) {
            return new TurnPart.Text(part.path("text").asText());
        }
        if (part.has("functionCall")) {
            JsonNode call = part.get("functionCall");
            return new TurnPart.FunctionCall(call.path("name").asText(), GeminiJson.toMap(call.path("args")),
                    call.path("id").asText(""), part.path("thoughtSignature").asText(""));
        }
        if (part.has("functionResponse")) {
            JsonNode response = part.get("functionResponse");
            return new TurnPart.FunctionResponse(response.path("name").asText(),
                    GeminiJson.toMap(response.path("response")), response.path("id").asText(""));
        }
        Iterator<String> names = part.fieldNames();
        return new TurnPart.Other(names.hasNext() ? names.next() : "empty");
    }
}
