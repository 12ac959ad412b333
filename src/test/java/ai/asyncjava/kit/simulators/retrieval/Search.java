package ai.asyncjava.kit.simulators.retrieval;

import ai.asyncjava.kit.simulators.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Both services through plain java.net.http and Jackson, as a learner's RAG code would call them. */
final class Search {

    static final ObjectMapper JSON = new ObjectMapper();

    private Search() {
    }

    /** POSTs {@code body} to the vector search. */
    static HttpResponse<String> postVector(HttpClient client, RetrievalSimulator sim, String body) {
        return Http.send(client, HttpRequest.newBuilder(URI.create(sim.vectorUrl()))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** {@code {"embedding": embedding, "top_k": topK}} as Jackson writes it. */
    static String vectorBody(List<Float> embedding, int topK) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("embedding", embedding);
        body.put("top_k", topK);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vector search's 200 answer for this embedding, as hits. */
    static List<Hit> vector(HttpClient client, RetrievalSimulator sim, List<Float> embedding, int topK) {
        return hits(ok(postVector(client, sim, vectorBody(embedding, topK))));
    }

    /** {@code keywordUrl()?q=…&top_k=…}, URL-encoded: name, value, name, value, ... */
    static String keywordUrl(RetrievalSimulator sim, String... nameValues) {
        StringBuilder url = new StringBuilder(sim.keywordUrl());
        for (int i = 0; i < nameValues.length; i += 2) {
            url.append(i == 0 ? '?' : '&').append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /** The keyword search's 200 answer for {@code q}, as hits. */
    static List<Hit> keyword(HttpClient client, RetrievalSimulator sim, String q, int topK) {
        return hits(ok(Http.get(client, keywordUrl(sim, "q", q, "top_k", Integer.toString(topK)))));
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("status " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static List<Hit> hits(String body) {
        List<Hit> hits = new ArrayList<>();
        for (JsonNode result : parse(body).get("results")) {
            hits.add(new Hit(result.get("id").asText(), result.get("score").asDouble(), result.get("text").asText()));
        }
        return hits;
    }
}
