package ai.asyncjava.kit.simulators.gemini;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request goes: {@code GET /v1beta/models}, {@code GET /v1beta/models/{m}} or
 * {@code POST /v1beta/models/{m}:{method}} (v1 and v1alpha are accepted too).
 *
 * @param action the REST method
 * @param model  the model named in the path, without {@code models/}; "" for listing
 */
record GeminiRoute(GeminiAction action, String model) {

    private static final Pattern PATH = Pattern.compile("/(v1|v1beta|v1alpha)/models(?:/([^/:]+)(?::([A-Za-z]+))?)?/?");

    /** Reads the route, or fails with the 404 the real API gives for an unknown path. */
    static GeminiRoute of(String httpMethod, String path) throws ApiError {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw ApiError.unknownPath(path);
        }
        String model = m.group(2) == null ? "" : m.group(2);
        String verb = m.group(3);
        if (model.isEmpty()) {
            return expect(httpMethod, "GET", new GeminiRoute(GeminiAction.LIST_MODELS, ""), path);
        }
        if (verb == null) {
            return expect(httpMethod, "GET", new GeminiRoute(GeminiAction.GET_MODEL, model), path);
        }
        GeminiAction action = GeminiAction.fromPathVerb(verb);
        if (action == null) {
            throw ApiError.unknownPath(path);
        }
        return expect(httpMethod, "POST", new GeminiRoute(action, model), path);
    }

    private static GeminiRoute expect(String actual, String wanted, GeminiRoute route, String path) throws ApiError {
        if (!wanted.equalsIgnoreCase(actual)) {
            throw ApiError.wrongHttpMethod(actual, path);
        }
        return route;
    }
}
