package ai.asyncjava.solutions.ch07.mutants;

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

/** Mutants of the RAG pipeline: the reference's design with one learner's mistake switched on. */
public class FlawedRag implements RagPipeline {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Runs the keyword search once the vector search is done. */
        ONE_SEARCH_AFTER_THE_OTHER,
        /** Uses the vector search's ranking alone. */
        VECTOR_ONLY,
        /** Fuses by adding the searches' raw scores instead of their ranks. */
        FUSES_SCORES,
        /** Lets a failed search fail the request. */
        FAILS_WITH_A_SEARCH,
        /** Gives the searches no timeout. */
        NO_TIMEOUT,
        /** Puts the documents in the prompt without their ids. */
        NO_IDS_IN_THE_PROMPT,
        /** Asks the model even when both searches failed. */
        ANSWERS_WITHOUT_DOCUMENTS,
    }

    private final Flaw flaw;

    /** A search's answer: each document's id and text, best first. */
    private record Found(Map<String, String> documents, Map<String, Double> scores) {

        static final Found NOTHING = new Found(Map.of(), Map.of());

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

    public FlawedRag(Client gemini, HttpClient http, SearchServices searches, Duration searchTimeout, Flaw flaw) {
        this.flaw = flaw;
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
            if (flaw == Flaw.ONE_SEARCH_AFTER_THE_OTHER) {
                orNothing(vector);
            }
            Future<Found> keyword = both.submit(() -> keywordSearch(question));
            byMeaning = orNothing(vector);
            byWords = orNothing(keyword);
        }
        if (flaw != Flaw.ANSWERS_WITHOUT_DOCUMENTS && byMeaning.documents().isEmpty() && byWords.documents().isEmpty()) {
            throw new IOException("both searches failed: no documents to answer from");
        }
        List<String> sources = switch (flaw) {
            case VECTOR_ONLY -> byMeaning.ids().stream().limit(CONTEXT_DOCUMENTS).toList();
            case FUSES_SCORES -> byScore(byMeaning, byWords);
            default -> fused(byMeaning.ids(), byWords.ids()).stream().limit(CONTEXT_DOCUMENTS).toList();
        };
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
    private Found orNothing(Future<Found> search) throws InterruptedException, IOException {
        try {
            return search.get();
        } catch (ExecutionException failedOrTimedOut) {
            if (flaw == Flaw.FAILS_WITH_A_SEARCH) {
                throw new IOException("a search failed", failedOrTimedOut.getCause());
            }
            return Found.NOTHING;
        }
    }

    /** The documents with the highest sum of raw scores: scores of two engines are not on one scale. */
    private static List<String> byScore(Found first, Found second) {
        Map<String, Double> scores = new LinkedHashMap<>();
        first.scores().forEach((id, score) -> scores.merge(id, score, Double::sum));
        second.scores().forEach((id, score) -> scores.merge(id, score, Double::sum));
        return scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(CONTEXT_DOCUMENTS).map(Map.Entry::getKey).toList();
    }

    private Found vectorSearch(List<Float> embedding) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("embedding", embedding, "top_k", TOP_K));
        return found(withTimeout(HttpRequest.newBuilder(searches.vectorSearch()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Found keywordSearch(String question) throws IOException, InterruptedException {
        URI uri = URI.create(searches.keywordSearch() + "?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)
                + "&top_k=" + TOP_K);
        return found(withTimeout(HttpRequest.newBuilder(uri)).GET().build());
    }

    private HttpRequest.Builder withTimeout(HttpRequest.Builder request) {
        return flaw == Flaw.NO_TIMEOUT ? request : request.timeout(searchTimeout);
    }

    /** Sends one search; the request's timeout makes a slow search throw HttpTimeoutException. */
    private Found found(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
        }
        Map<String, String> documents = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (JsonNode result : JSON.readTree(response.body()).path("results")) {
            documents.put(result.path("id").asText(), result.path("text").asText());
            scores.put(result.path("id").asText(), result.path("score").asDouble());
        }
        return new Found(documents, scores);
    }

    private String prompt(String question, List<String> sources, Map<String, String> texts) {
        StringBuilder prompt = new StringBuilder("Answer the question from these documents, citing them by id.\n\n");
        for (String id : sources) {
            if (flaw != Flaw.NO_IDS_IN_THE_PROMPT) {
                prompt.append('[').append(id).append("] ");
            }
            prompt.append(texts.get(id)).append("\n\n");
        }
        return prompt.append("Question: ").append(question).toString();
    }
}
