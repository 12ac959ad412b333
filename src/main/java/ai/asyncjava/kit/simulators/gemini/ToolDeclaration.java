package ai.asyncjava.kit.simulators.gemini;

import java.util.Map;

/**
 * A function the request offers the model.
 *
 * @param name        the function's name
 * @param description what it does, as the caller described it
 * @param parameters  its parameters' schema, as JSON-like maps ({@code type}, {@code properties}, ...)
 */
public record ToolDeclaration(String name, String description, Map<String, Object> parameters) {
}
