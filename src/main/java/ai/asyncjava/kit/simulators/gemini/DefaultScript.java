package ai.asyncjava.kit.simulators.gemini;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's standard behaviour:
 * <ul>
 *   <li>no tools offered: the {@link GeminiAnswers#answerTo(String) stable answer} to the last user text;</li>
 *   <li>tools offered and no tool results yet: one call of the first tool, every string parameter
 *       set to the user's question;</li>
 *   <li>the last turn carries tool results: a final text naming them, followed by the answer to
 *       the first question.</li>
 * </ul>
 */
public final class DefaultScript implements GeminiScript {

    @Override
    public ModelReply reply(ModelCall call) {
        Turn last = call.lastTurn();
        if (!last.functionResponses().isEmpty()) {
            List<String> names = last.functionResponses().stream().map(TurnPart.FunctionResponse::name).toList();
            return ModelReply.text("Using the results of " + String.join(", ", names) + ": "
                    + GeminiAnswers.answerTo(call.firstUserText()));
        }
        if (call.mayCallTools()) {
            ToolDeclaration tool = call.tools().getFirst();
            return ModelReply.calls(List.of(new TurnPart.FunctionCall(tool.name(), argsFor(tool, last.text()))));
        }
        return ModelReply.text(GeminiAnswers.answerTo(last.text()));
    }

    private static Map<String, Object> argsFor(ToolDeclaration tool, String question) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (tool.parameters().get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, schema) -> {
                if (schema instanceof Map<?, ?> s && "string".equalsIgnoreCase(String.valueOf(s.get("type")))) {
                    args.put(String.valueOf(name), question);
                }
            });
        }
        return args;
    }
}
