package ai.asyncjava.solutions.ch06;

import ai.asyncjava.kit.exercises.ch06.AbstractRebuilder;
import ai.asyncjava.kit.exercises.ch06.WorksSearch;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One GET of {@code /works?search=...}, parsed with Jackson, each abstract rebuilt from its index. */
public class OpenAlexSearch implements WorksSearch {

    /** Ten works are plenty for a model to read, and keep the function responses small. */
    static final int PER_PAGE = 10;
    /** Only what the model needs: the abstract index is the largest field by far, and it is needed. */
    static final String FIELDS = "id,title,display_name,publication_year,publication_date,cited_by_count,"
            + "primary_location,abstract_inverted_index,authorships";
    /** OpenAlex's polite pool: say who you are. */
    static final String MAILTO = "course@example.com";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final HttpClient client;
    private final URI apiRoot;
    private final AbstractRebuilder abstracts = new InvertedIndexAbstract();

    public OpenAlexSearch(HttpClient client, URI apiRoot) {
        this.client = client;
        this.apiRoot = apiRoot;
    }

    @Override
    public Map<String, Object> search(String query) throws IOException, InterruptedException {
        String parameters = "search=" + encode(query) + "&per_page=" + PER_PAGE + "&select=" + encode(FIELDS)
                + "&sort=" + encode("relevance_score:desc") + "&mailto=" + encode(MAILTO);
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiRoot + "/works?" + parameters))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from the works API for \"" + query + "\": "
                    + response.body());
        }
        Map<String, Object> data = JSON.readValue(response.body(), MAP);
        if (data.get("results") instanceof List<?> results) {
            for (Object result : results) {
                if (result instanceof Map<?, ?> work) {
                    replaceAbstract(cast(work));
                }
            }
        }
        return data;
    }

    // The model reads text, not an index: swap one for the other in place.
    private void replaceAbstract(Map<String, Object> work) {
        if (work.containsKey("abstract_inverted_index")) {
            Object index = work.remove("abstract_inverted_index");
            work.put("abstract", index instanceof Map<?, ?> map ? abstracts.rebuild(JSON.convertValue(map,
                    new TypeReference<Map<String, List<Integer>>>() {})) : "");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> work) {
        return (Map<String, Object>) work;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
