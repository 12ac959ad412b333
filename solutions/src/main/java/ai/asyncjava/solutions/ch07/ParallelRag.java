package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.RagAnswer;
import ai.asyncjava.kit.exercises.ch07.RagPipeline;
import ai.asyncjava.kit.exercises.ch07.SearchServices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.types.EmbedContentConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Embed, then both searches at once, then fuse, then generate: the request takes the embedding,
 * the slower search and the answer, not the sum of all four.
 */
public class ParallelRag implements RagPipeline {

    /** A search's answer: each document's id and text, best first. */
    private record Found(Map<String, String> documents) {

        static final Found NOTHING = new Found(Map.of());

        List<String> ids() {
            return List.copyOf(documents.keySet());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EmbedContentConfig EMBEDDING =
            EmbedContentConfig.builder().outputDimensionality(DIMENSIONS).build();

    private final Client gemini;
    private final HttpClient http;
    private final SearchServices searches;
    private final Duration searchTimeout;

    public ParallelRag(Client gemini, HttpClient http, SearchServices searches, Duration searchTimeout) {
        this.gemini = gemini;
        this.http = http;
        this.searches = searches;
        this.searchTimeout = searchTimeout;
    }

    @Override
    public RagAnswer ask(String question) throws IOException, InterruptedException {
        List<Float> embedding = gemini.models.embedContent(Gemini.EMBEDDING_MODEL, question, EMBEDDING)
                .embeddings().orElseThrow().getFirst().values().orElseThrow();
        Found byMeaning;
        Found byWords;
        try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Found> vector = both.submit(() -> vectorSearch(embedding));
            Future<Found> keyword = both.submit(() -> keywordSearch(question));
            byMeaning = orNothing(vector);
            byWords = orNothing(keyword);
        }
        if (byMeaning.documents().isEmpty() && byWords.documents().isEmpty()) {
            throw new IOException("both searches failed: no documents to answer from");
        }
        List<String> sources = fused(byMeaning.ids(), byWords.ids()).stream().limit(CONTEXT_DOCUMENTS).toList();
        Map<String, String> texts = new LinkedHashMap<>(byWords.documents());
        texts.putAll(byMeaning.documents());
        String answer = gemini.models.generateContent(Gemini.MODEL, prompt(question, sources, texts), null).text();
        return new RagAnswer(answer, sources);
    }

    /** Reciprocal rank fusion: 1 / (60 + rank) from each list a document is in, best total first. */
    static List<String> fused(List<String> first, List<String> second) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<String> ranking : List.of(first, second)) {
            for (int rank = 1; rank <= ranking.size(); rank++) {
                scores.merge(ranking.get(rank - 1), 1.0 / (RRF_K + rank), Double::sum);
            }
        }
        List<String> ids = new ArrayList<>(scores.keySet());
        ids.sort(Comparator.comparingDouble((String id) -> scores.get(id)).reversed()); // stable: ties keep their order
        return ids;
    }

    /** A search's documents, or none when it failed or ran out of time (its request is then abandoned). */
    private static Found orNothing(Future<Found> search) throws InterruptedException {
        try {
            return search.get();
        } catch (ExecutionException failedOrTimedOut) {
            return Found.NOTHING;
        }
    }

    private Found vectorSearch(List<Float> embedding) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("embedding", embedding, "top_k", TOP_K));
        return found(HttpRequest.newBuilder(searches.vectorSearch()).timeout(searchTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Found keywordSearch(String question) throws IOException, InterruptedException {
        URI uri = URI.create(searches.keywordSearch() + "?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)
                + "&top_k=" + TOP_K);
        return found(HttpRequest.newBuilder(uri).timeout(searchTimeout).GET().build());
    }

    /** Sends one search; the request's timeout makes a slow search throw HttpTimeoutException. */
    private Found found(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
        }
        Map<String, String> documents = new LinkedHashMap<>();
        for (JsonNode result : JSON.readTree(response.body()).path("results")) {
            documents.put(result.path("id").asText(), result.path("text").asText());
        }
        return new Found(documents);
    }

    private static String prompt(String question, List<String> sources, Map<String, String> texts) {
        StringBuilder prompt = new StringBuilder("Answer the question from these documents, citing them by id.\n\n");
        for (String id : sources) {
            prompt.append('[').append(id).append("] ").append(texts.get(id)).append("\n\n");
        }
        return prompt.append("Question: ").append(question).toString();
    }
}
