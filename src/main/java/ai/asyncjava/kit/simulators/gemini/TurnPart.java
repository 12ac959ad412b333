package ai.asyncjava.kit.simulators.gemini;

import java.util.Map;

/** One part of a conversation turn, as a {@link GeminiScript} sees it. */
public sealed interface TurnPart {

    /** Plain text. */
    record Text(String text) implements TurnPart {
    }

    /** The model asking for a tool to be run. */
    record FunctionCall(String name, Map<String, Object> args) implements TurnPart {
    }

    /** The caller's result of running a tool. */
    record FunctionResponse(String name, Map<String, Object> response) implements TurnPart {
    }

    /** Anything else (images, files, code): only its JSON field name is kept. */
    record Other(String kind) implements TurnPart {
    }
}
