package ai.asyncjava.kit.simulators.gemini;

import java.util.List;

/**
 * One entry of a request's {@code contents}.
 *
 * @param role  {@code user} or {@code model}
 * @param parts its parts, in order
 */
public record Turn(String role, List<TurnPart> parts) {

    public Turn {
        parts = List.copyOf(parts);
    }

    /** The text parts joined by newlines, or "" when there are none. */
    public String text() {
        return String.join("\n", parts.stream()
                .filter(TurnPart.Text.class::isInstance).map(p -> ((TurnPart.Text) p).text()).toList());
    }

    /** The function responses this turn carries. */
    public List<TurnPart.FunctionResponse> functionResponses() {
        return parts.stream().filter(TurnPart.FunctionResponse.class::isInstance)
                .map(TurnPart.FunctionResponse.class::cast).toList();
    }
}
