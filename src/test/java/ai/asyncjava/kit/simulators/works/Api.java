package ai.asyncjava.kit.simulators.works;

import ai.asyncjava.kit.simulators.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The works API through plain java.net.http and Jackson, as a learner's tool would call it. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    /** {@code base/works?} and the parameters, URL-encoded: name, value, name, value, ... */
    static String worksUrl(WorksSimulator works, String... nameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        String query = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return works.worksUrl() + (query.isEmpty() ? "" : "?" + query);
    }

    /** GETs {@code /works} with these parameters and parses the body. */
    static JsonNode works(HttpClient client, WorksSimulator works, String... nameValues) {
        HttpResponse<String> response = Http.get(client, worksUrl(works, nameValues));
        if (response.statusCode() != 200) {
            throw new AssertionError("status " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rebuild the chapter's Python does: each word at its positions, then positions 0..n-1 joined by spaces. */
    static String rebuildAbstract(JsonNode invertedIndex) {
        Map<Integer, String> byPosition = new java.util.HashMap<>();
        invertedIndex.properties().forEach(e -> e.getValue().forEach(p -> byPosition.put(p.asInt(), e.getKey())));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < byPosition.size(); i++) {
            text.append(i == 0 ? "" : " ").append(byPosition.getOrDefault(i, " "));
        }
        return text.toString();
    }
}
