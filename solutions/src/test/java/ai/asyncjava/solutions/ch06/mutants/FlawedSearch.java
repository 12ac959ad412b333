package ai.asyncjava.solutions.ch06.mutants;

import ai.asyncjava.kit.exercises.ch06.WorksSearch;
import ai.asyncjava.solutions.ch06.InvertedIndexAbstract;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Mutants of the search tool, one mistake each. */
public class FlawedSearch implements WorksSearch {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Puts the query in the URL with only its spaces replaced: quotes break the URI, & cuts the query. */
        NOT_ENCODED,
        /** Leaves the inverted index as it came. */
        KEEPS_INDEX,
        /** Parses whatever comes back, an error answer too. */
        IGNORES_STATUS,
        /** Sorts the results by year, newest first. */
        SORTS_BY_YEAR,
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI apiRoot;
    private final Flaw flaw;

    public FlawedSearch(HttpClient client, URI apiRoot, Flaw flaw) {
        this.client = client;
        this.apiRoot = apiRoot;
        this.flaw = flaw;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> search(String query) throws IOException, InterruptedException {
        String search = flaw == Flaw.NOT_ENCODED ? query.replace(' ', '+').replace("\"", "%22")
                : URLEncoder.encode(query, StandardCharsets.UTF_8);
        URI uri = URI.create(apiRoot + "/works?search=" + search + "&per_page=10&select="
                + "id,display_name,publication_year,authorships,abstract_inverted_index");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (flaw != Flaw.IGNORES_STATUS && response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        Map<String, Object> data = JSON.readValue(response.body(), new TypeReference<>() {});
        List<Map<String, Object>> results = new ArrayList<>();
        if (data.get("results") instanceof List<?> list) {
            list.forEach(work -> results.add((Map<String, Object>) work));
        }
        if (flaw != Flaw.KEEPS_INDEX) {
            for (Map<String, Object> work : results) {
                Object index = work.remove("abstract_inverted_index");
                work.put("abstract", index == null ? "" : new InvertedIndexAbstract().rebuild(
                        JSON.convertValue(index, new TypeReference<Map<String, List<Integer>>>() {})));
            }
        }
        if (flaw == Flaw.SORTS_BY_YEAR) {
            results.sort(Comparator.comparing(work -> -((Number) work.get("publication_year")).intValue()));
        }
        data.put("results", results);
        return data;
    }
}
