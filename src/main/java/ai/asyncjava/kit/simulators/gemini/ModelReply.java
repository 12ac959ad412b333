package ai.asyncjava.kit.simulators.gemini;

import java.util.List;

/**
 * What the simulated model answers: text, function calls, or both (text first).
 *
 * @param text          the answer's text, possibly ""
 * @param functionCalls the tools it asks the caller to run, possibly none
 */
public record ModelReply(String text, List<TurnPart.FunctionCall> functionCalls) {

    public ModelReply {
        functionCalls = List.copyOf(functionCalls);
    }

    /** A plain text answer. */
    public static ModelReply text(String text) {
        return new ModelReply(text, List.of());
    }

    /** An answer that only calls tools. */
    public static ModelReply calls(List<TurnPart.FunctionCall> calls) {
        return new ModelReply("", calls);
    }
}
