package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.Durations;
import ai.asyncjava.kit.simulators.SlidingWindowQuota;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * An error answer in the shape Google APIs use:
 * {@code {"error":{"code":…,"message":"…","status":"…","details":[…]}}}, with the messages the
 * real Gemini API gives for the same mistakes.
 */
final class ApiError extends Exception {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String RATE_LIMITS_URL = "https://ai.google.dev/gemini-api/docs/rate-limits";

    private final int httpStatus;
    private final transient ObjectNode body;

    private ApiError(int httpStatus, String status, String message, ArrayNode details) {
        super(httpStatus + " " + status + ": " + message, null, false, false);
        this.httpStatus = httpStatus;
        ObjectNode error = JSON.objectNode();
        error.put("code", httpStatus);
        error.put("message", message);
        error.put("status", status);
        if (details != null) {
            error.set("details", details);
        }
        this.body = JSON.objectNode().set("error", error);
    }

    int httpStatus() {
        return httpStatus;
    }

    ObjectNode body() {
        return body;
    }

    static ApiError invalidArgument(String message) {
        return new ApiError(400, "INVALID_ARGUMENT", message, null);
    }

    static ApiError malformedJson(String detail) {
        return invalidArgument("Invalid JSON payload received. " + detail);
    }

    static ApiError missingKey() {
        return new ApiError(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without"
                + " established identity). Please use API Key or other form of API consumer identity to call"
                + " this API.", null);
    }

    static ApiError invalidKey() {
        String message = "API key not valid. Please pass a valid API key.";
        ArrayNode details = JSON.arrayNode();
        ObjectNode info = details.addObject();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "API_KEY_INVALID");
        info.put("domain", "googleapis.com");
        info.putObject("metadata").put("service", "generativelanguage.googleapis.com");
        ObjectNode localized = details.addObject();
        localized.put("@type", "type.googleapis.com/google.rpc.LocalizedMessage");
        localized.put("locale", "en-US");
        localized.put("message", message);
        return new ApiError(400, "INVALID_ARGUMENT", message, details);
    }

    static ApiError unknownModel(String model, String method) {
        return new ApiError(404, "NOT_FOUND", "models/" + model + " is not found for API version v1beta, or is not"
                + " supported for " + method + ". Call ListModels to see the list of available models and their"
                + " supported methods.", null);
    }

    static ApiError unknownPath(String path) {
        return new ApiError(404, "NOT_FOUND", "The requested URL " + path + " was not found on this server.", null);
    }

    static ApiError wrongHttpMethod(String httpMethod, String path) {
        return new ApiError(404, "NOT_FOUND", "The method " + httpMethod + " is not allowed for " + path + ".", null);
    }

    static ApiError internal() {
        return new ApiError(500, "INTERNAL", "An internal error has occurred. Please retry or report in"
                + " https://developers.generativeai.google/guide/troubleshooting", null);
    }

    static ApiError overloaded() {
        return new ApiError(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", null);
    }

    /** The plain 429 the API gives when a shared resource runs out, without quota details. */
    static ApiError resourceExhausted() {
        return new ApiError(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).", null);
    }

    static ApiError deadlineExceeded() {
        return new ApiError(504, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete.", null);
    }

    /** The 429 of the real API: QuotaFailure, Help and RetryInfo details, "Please retry in …" in the message. */
    static ApiError quotaExceeded(String model, GeminiAction action, GeminiQuota quota,
                                  SlidingWindowQuota.Decision decision) {
        boolean tokens = decision.exceeded() == SlidingWindowQuota.Limit.TOKENS;
        String family = action.embeds() ? "embed_content" : "generate_content";
        String metric = "generativelanguage.googleapis.com/" + family + "_free_tier_"
                + (tokens ? "input_token_count" : "requests");
        String quotaId = tokens ? "GenerateContentInputTokensPerModelPerMinute-FreeTier"
                : (action.embeds() ? "EmbedContentRequestsPerMinutePerProjectPerModel-FreeTier"
                        : "GenerateRequestsPerMinutePerProjectPerModel-FreeTier");
        long limit = tokens ? quota.tokensPerWindow() : quota.requestsPerWindow();
        Duration delay = decision.retryAfter();
        String message = "You exceeded your current quota, please check your plan and billing details. For more"
                + " information on this error, head to: " + RATE_LIMITS_URL + ".\n* Quota exceeded for metric: "
                + metric + ", limit: " + limit + ", model: " + model + "\nPlease retry in "
                + Durations.protoSeconds(delay) + ".";

        ArrayNode details = JSON.arrayNode();
        ObjectNode failure = details.addObject();
        failure.put("@type", "type.googleapis.com/google.rpc.QuotaFailure");
        ObjectNode violation = failure.putArray("violations").addObject();
        violation.put("quotaMetric", metric);
        violation.put("quotaId", quotaId);
        violation.putObject("quotaDimensions").put("location", "global").put("model", model);
        violation.put("quotaValue", String.valueOf(limit));
        ObjectNode help = details.addObject();
        help.put("@type", "type.googleapis.com/google.rpc.Help");
        help.putArray("links").addObject()
                .put("description", "Learn more about Gemini API quotas").put("url", RATE_LIMITS_URL);
        ObjectNode retry = details.addObject();
        retry.put("@type", "type.googleapis.com/google.rpc.RetryInfo");
        retry.put("retryDelay", Durations.protoSeconds(delay));
        return new ApiError(429, "RESOURCE_EXHAUSTED", message, details);
    }
}
