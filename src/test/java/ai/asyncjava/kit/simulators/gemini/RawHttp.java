package ai.asyncjava.kit.simulators.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain java.net.http calls, for what the SDK would never send (bad JSON, wrong keys, odd paths). */
final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A status and its parsed JSON body (a missing node when the body is not JSON). */
    record Reply(int status, JsonNode json, String body) {
        String errorStatus() {
            return json.path("error").path("status").asText();
        }
    }

    private RawHttp() {
    }

    static Reply post(GeminiSimulator sim, String pathAndQuery, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("x-goog-api-key", key);
        }
        return send(request.build());
    }

    static Reply get(GeminiSimulator sim, String pathAndQuery, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).GET();
        if (key != null) {
            request.header("x-goog-api-key", key);
        }
        return send(request.build());
    }

    /** A generateContent body with one user text. */
    static String prompt(String text) {
        return "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":" + quote(text) + "}]}]}";
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = JSON.missingNode();
            }
            return new Reply(response.statusCode(), json == null ? JSON.missingNode() : json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
