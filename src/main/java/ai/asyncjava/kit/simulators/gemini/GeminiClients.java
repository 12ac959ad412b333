package ai.asyncjava.kit.simulators.gemini;

import com.google.genai.Client;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import java.util.List;

/**
 * Builds google-genai clients the way the course wants them.
 *
 * <p>Two SDK defaults matter for a concurrency course. First, the SDK retries by itself: five
 * attempts in all for HTTP 408, 429, 500, 502, 503 and 504 (and I/O errors), sleeping
 * 1 s × 2^(attempt−1) × a random factor between 0 and 2 between them; so a quota error surfaces
 * only after about half a minute on average. Version 1.70.0 also sleeps one back-off after the
 * last attempt before giving up, so {@code attempts(1)} alone still delays each 429 by up to 2 s.
 * Use {@link #noRetries()} to see each 429 the moment it happens. Second, its OkHttp dispatcher runs only
 * 5 async requests per host at a time; the clients built here allow {@value #MAX_CONNECTIONS},
 * so {@code client.async} runs as many calls at once as the learner's code starts.
 */
public final class GeminiClients {

    /** The most requests a course client runs at once, in all and per host. */
    public static final int MAX_CONNECTIONS = 256;

    private GeminiClients() {
    }

    /**
     * Retry options that make the SDK try each request exactly once and report a failure at once:
     * one attempt, and no status treated as retryable (which skips the SDK's closing back-off).
     */
    public static HttpRetryOptions noRetries() {
        return HttpRetryOptions.builder().attempts(1).httpStatusCodes(List.of()).build();
    }

    /** Room for many concurrent async calls (the SDK's default is 5 per host). */
    public static ClientOptions roomyConnections() {
        return ClientOptions.builder().maxConnections(MAX_CONNECTIONS).maxConnectionsPerHost(MAX_CONNECTIONS).build();
    }

    /**
     * A client for a simulator at {@code baseUrl}, with {@link #roomyConnections()}.
     *
     * @param retries the SDK's retry options, or null for its defaults (retrying)
     */
    public static Client forSimulator(String baseUrl, String apiKey, HttpRetryOptions retries) {
        return builderForSimulator(baseUrl, apiKey, retries).clientOptions(roomyConnections()).build();
    }

    /**
     * A builder for a simulator client that keeps the SDK's default client options (5 async
     * requests per host), so the code that builds the client decides them.
     *
     * @param retries the SDK's retry options, or null for its defaults (retrying)
     */
    public static Client.Builder builderForSimulator(String baseUrl, String apiKey, HttpRetryOptions retries) {
        return pointAtSimulator(Client.builder(), baseUrl, apiKey, retries);
    }

    /**
     * A builder for the real Gemini API that keeps the SDK's default client options.
     *
     * @param retries the SDK's retry options, or null for its defaults (retrying)
     */
    public static Client.Builder builderForRealApi(String apiKey, HttpRetryOptions retries) {
        Client.Builder builder = Client.builder().apiKey(apiKey).vertexAI(false);
        if (retries != null) {
            builder.httpOptions(HttpOptions.builder().retryOptions(retries).build());
        }
        return builder;
    }

    /**
     * Points {@code builder} (which may be a subclass, such as one that records what it builds)
     * at the simulator at {@code baseUrl} and returns it; its client options stay as they are.
     *
     * @param retries the SDK's retry options, or null for its defaults (retrying)
     */
    public static <B extends Client.Builder> B pointAtSimulator(B builder, String baseUrl, String apiKey,
                                                                HttpRetryOptions retries) {
        HttpOptions.Builder http = HttpOptions.builder().baseUrl(baseUrl);
        if (retries != null) {
            http.retryOptions(retries);
        }
        builder.apiKey(apiKey).vertexAI(false).httpOptions(http.build());
        return builder;
    }
}
