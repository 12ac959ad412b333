package ai.asyncjava.kit.simulators.gemini;

import java.util.List;

/**
 * A generation request as a {@link GeminiScript} sees it.
 *
 * @param model             the model asked for, e.g. {@code gemini-2.5-flash}
 * @param systemInstruction the system instruction's text, or ""
 * @param turns             the conversation so far, oldest first
 * @param tools             the functions offered to the model
 * @param functionCallingMode {@code AUTO}, {@code ANY} or {@code NONE}
 */
public record ModelCall(String model, String systemInstruction, List<Turn> turns, List<ToolDeclaration> tools,
                        String functionCallingMode) {

    public ModelCall {
        turns = List.copyOf(turns);
        tools = List.copyOf(tools);
    }

    /** The last turn (the one the model answers). */
    public Turn lastTurn() {
        return turns.getLast();
    }

    /** The text of the first user turn: the question the conversation is about. */
    public String firstUserText() {
        return turns.stream().filter(t -> "user".equals(t.role())).map(Turn::text)
                .filter(text -> !text.isEmpty()).findFirst().orElse("");
    }

    /** True when functions are offered and the caller has not forbidden calling them. */
    public boolean mayCallTools() {
        return !tools.isEmpty() && !"NONE".equalsIgnoreCase(functionCallingMode);
    }
}
