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

    /** The function calls this turn carries, in order. */
    public List<TurnPart.FunctionCall> functionCalls() {
        return parts.stream().filter(TurnPart.FunctionCall.class::isInstance)
                .map(TurnPart.FunctionCall.class::cast).toList();
    }

    /** The function responses this turn carries. */
    public List<TurnPart.FunctionResponse> functionResponses() {
        return parts.stream().filter(TurnPart.FunctionResponse.class::isInstance)
                .map(TurnPart.FunctionResponse.class::cast).toList();
    }

    /** True for a user turn that says something (text or other content) besides function responses. */
    public boolean isUserMessage() {
        return "user".equals(role) && parts.stream().anyMatch(p -> !(p instanceof TurnPart.FunctionResponse));
    }
}
