package ai.asyncjava.kit.simulators.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.Http;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.simulators.works.Corpus;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.types.EmbedContentConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two services' protocol: answers, errors, and that they agree with the truth and with the Gemini simulator. */
class RetrievalApiTest {

    private static final String QUESTION = "How does the gut microbiome affect depression?";

    private static RetrievalSimulator sim;
    private static GeminiSimulator gemini;
    private static Client sdk;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        sim = RetrievalSimulator.start(RetrievalConfig.fast());
        gemini = GeminiSimulator.start(GeminiSimulatorConfig.fast());
        sdk = gemini.clientWithoutRetries();
        client = Http.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        sdk.close();
        gemini.close();
        sim.close();
    }

    @BeforeEach
    void freshLog() {
        sim.reset();
    }

    /** The embedding a learner gets through the SDK, at the index's dimensionality. */
    private static List<Float> embedThroughTheSdk(String text) {
        return sdk.models.embedContent("gemini-embedding-001", text,
                        EmbedContentConfig.builder().outputDimensionality(sim.index().dimensions()).build())
                .embeddings().orElseThrow().getFirst().values().orElseThrow();
    }

    @Test
    void aDocumentsOwnTextEmbeddedByTheGeminiSimulatorFindsItFirst() {
        List<Document> documents = sim.index().documents();
        for (Document document : List.of(documents.getFirst(), documents.get(1234), documents.getLast())) {
            List<Float> embedding = embedThroughTheSdk(document.text());
            assertEquals(sim.embeddingOf(document.text()), embedding, "the truth embeds as the Gemini simulator does");
            List<Hit> hits = Search.vector(client, sim, embedding, 5);
            assertEquals(5, hits.size());
            assertEquals(document.id(), hits.getFirst().id(), "its own text comes first");
            assertEquals(1.0, hits.getFirst().score(), 1e-6, "cosine similarity with itself");
            assertEquals(document.text(), hits.getFirst().text());
            assertTrue(hits.get(1).score() < 0.99, "no other document is the same: " + hits.get(1));
        }
    }

    @Test
    void theVectorSearchAnswersWhatTheTruthComputes() {
        List<Float> embedding = embedThroughTheSdk(QUESTION);
        List<Hit> served = Search.vector(client, sim, embedding, 20);
        List<Hit> truth = sim.vectorTop(embedding, 20);
        assertEquals(Hit.ids(truth), Hit.ids(served));
        for (int i = 0; i < served.size(); i++) {
            assertEquals(truth.get(i).score(), served.get(i).score(), 1e-12);
            assertTrue(i == 0 || served.get(i).score() <= served.get(i - 1).score(), "most similar first");
        }
        long onTopic = served.stream().limit(10).filter(h -> topicOf(h).equals(Corpus.questionTopic())).count();
        assertTrue(onTopic >= 5, "the question's theme leads: " + onTopic + " of the first 10");
    }

    @Test
    void theKeywordSearchRanksByBm25OverAnyOfTheWords() {
        List<Hit> served = Search.keyword(client, sim, "gut microbiome depression", 20);
        assertEquals(sim.keywordTop("gut microbiome depression", 20), served);
        assertEquals(20, served.size());
        String best = served.getFirst().text().toLowerCase(Locale.ROOT);
        assertTrue(best.contains("gut") && best.contains("microbiome") && best.contains("depression"), best);
        for (int i = 0; i < served.size(); i++) {
            String text = served.get(i).text().toLowerCase(Locale.ROOT);
            assertTrue(text.contains("gut") || text.contains("microbiome") || text.contains("depression"), text);
            assertTrue(i == 0 || served.get(i).score() <= served.get(i - 1).score(), "best first");
        }
        long onTopic = served.stream().limit(10).filter(h -> topicOf(h).equals(Corpus.questionTopic())).count();
        assertTrue(onTopic >= 8, onTopic + " of the first 10 are about the gut and the mind");

        List<Hit> anyWord = Search.keyword(client, sim, "depression zzzunknownword", 5);
        assertEquals(5, anyWord.size(), "one word matching is enough");
        List<Hit> notAnOperator = Search.keyword(client, sim, "NOT gut", 5);
        assertTrue(notAnOperator.getFirst().text().toLowerCase(Locale.ROOT).contains("gut"), "NOT is a word here");
        assertEquals(List.of(), Search.keyword(client, sim, "the of and", 5), "stop words find nothing");
        assertEquals(List.of(), Search.keyword(client, sim, "?!", 5), "no word, nothing found");
    }

    @Test
    void topKDefaultsToTenAndIsHonoured() {
        JsonNode keyword = Search.parse(Http.get(client, Search.keywordUrl(sim, "q", "sleep")).body());
        assertEquals(RetrievalIndex.DEFAULT_TOP_K, keyword.get("results").size());
        String body = "{\"embedding\": " + sim.embeddingOf("sleep") + "}";
        JsonNode vector = Search.parse(Search.postVector(client, sim, body).body());
        assertEquals(RetrievalIndex.DEFAULT_TOP_K, vector.get("results").size());
        assertEquals(100, Search.keyword(client, sim, "sleep memory", 100).size());
        JsonNode first = vector.get("results").get(0);
        assertEquals(List.of("id", "score", "text"), fieldNames(first), "each result is {id, score, text}");
        assertEquals(List.of("results"), fieldNames(vector), "the answer is {results}");
    }

    @Test
    void aMalformedVectorSearchIsRefusedNamingWhatIsWrong() {
        List<Float> good = sim.embeddingOf("sleep");
        String goodValues = good.toString();
        assertError(Search.postVector(client, sim, Search.vectorBody(sim.index().embeddingOf("sleep").subList(0, 100), 5)),
                "embedding", "embedding has 100 values, but this index holds 768-dimensional vectors");
        assertError(Search.postVector(client, sim, "{\"top_k\": 5}"), "embedding", "embedding is missing");
        assertError(Search.postVector(client, sim, "{\"embedding\": [0.1, 0.2"), null, "the body is not JSON");
        assertError(Search.postVector(client, sim, ""), null, "the body is empty");
        assertError(Search.postVector(client, sim, "[1, 2, 3]"), null, "the body must be a JSON object");
        assertError(Search.postVector(client, sim, "{\"embedding\": \"0.1 0.2\"}"), "embedding",
                "embedding must be an array of numbers, not a string");
        assertError(Search.postVector(client, sim, "{\"embedding\": [0.1, \"0.2\"]}"), "embedding",
                "embedding[1] is a string, not a number");
        assertError(Search.postVector(client, sim, "{\"embedding\": " + goodValues + ", \"topK\": 5}"), "topK",
                "unknown field topK: a vector search takes embedding and top_k");
        assertError(Search.postVector(client, sim, "{\"embedding\": " + goodValues + ", \"top_k\": 0}"), "top_k",
                "top_k must be between 1 and 100, not 0");
        assertError(Search.postVector(client, sim, "{\"embedding\": " + goodValues + ", \"top_k\": 101}"), "top_k",
                "top_k must be between 1 and 100");
        assertError(Search.postVector(client, sim, "{\"embedding\": " + goodValues + ", \"top_k\": 2.5}"), "top_k",
                "top_k must be a whole number");
        List<Float> zeros = new ArrayList<>(Collections.nCopies(768, 0f));
        assertError(Search.postVector(client, sim, Search.vectorBody(zeros, 5)), "embedding", "embedding is all zeros");
        HttpResponse<String> withParameter = Http.send(client, HttpRequest.newBuilder(URI.create(sim.vectorUrl() + "?top_k=5"))
                .POST(HttpRequest.BodyPublishers.ofString(Search.vectorBody(good, 5))).build());
        assertError(withParameter, "top_k", "the vector search takes no query parameters");

        RetrievalError truth = assertThrows(RetrievalError.class, () -> sim.vectorTop(good.subList(0, 3), 5));
        assertEquals("embedding", truth.field(), "the truth refuses as the service does");
        assertEquals(400, truth.status());
        assertEquals(13, sim.log().countStatus(400), "each refusal is logged");
        assertTrue(sim.log().requests().stream().allMatch(r -> Double.isNaN(r.startMs())), "no refused search started");
    }

    @Test
    void aMalformedKeywordSearchIsRefusedNamingWhatIsWrong() {
        assertError(Http.get(client, sim.keywordUrl()), "q", "q is missing");
        assertError(Http.get(client, Search.keywordUrl(sim, "q", "  ")), "q", "q is empty");
        assertError(Http.get(client, Search.keywordUrl(sim, "q", "sleep", "top_k", "many")), "top_k",
                "top_k must be a whole number between 1 and 100, not 'many'");
        assertError(Http.get(client, Search.keywordUrl(sim, "q", "sleep", "top_k", "0")), "top_k", "top_k must be between 1 and 100");
        assertError(Http.get(client, Search.keywordUrl(sim, "query", "sleep")), "query",
                "query is not a parameter of the keyword search; it takes q and top_k");
        assertEquals("q", assertThrows(RetrievalError.class, () -> sim.keywordTop("", 5)).field());
    }

    @Test
    void wrongPathsAndMethodsAreAnsweredAndTheServerLivesOn() throws Exception {
        HttpResponse<String> get = Http.get(client, sim.vectorUrl());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals("METHOD_NOT_ALLOWED", Search.parse(get.body()).at("/error/status").asText());
        HttpResponse<String> post = Http.send(client, HttpRequest.newBuilder(URI.create(sim.keywordUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("q=sleep")).build());
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
        for (String url : List.of(sim.baseUrl(Service.VECTOR) + "/", sim.baseUrl(Service.KEYWORD) + "/search/more",
                sim.baseUrl(Service.KEYWORD) + "/v1/search")) {
            HttpResponse<String> missing = Http.get(client, url);
            assertEquals(404, missing.statusCode(), url);
            assertTrue(Search.parse(missing.body()).at("/error/message").asText().startsWith("no such path"), missing.body());
        }
        assertTrue(Http.rawStatusLine(sim.baseUrl(Service.KEYWORD), "GET /search?q=%ZZ HTTP/1.1").contains(" 400"),
                "a broken escape is the client's mistake");
        assertTrue(Http.rawStatusLine(sim.baseUrl(Service.VECTOR), "POST /search HTTP/1.1").contains(" 400"));
        assertEquals(5, Search.keyword(client, sim, "sleep", 5).size(), "still serving");
        assertEquals(5, Search.vector(client, sim, sim.embeddingOf("sleep"), 5).size(), "still serving");
    }

    @Test
    void theSameSeedServesTheSameDocumentsAndAnotherSeedOthers() {
        String body = Search.vectorBody(sim.embeddingOf(QUESTION), 10);
        String vector = Search.postVector(client, sim, body).body();
        String keyword = Http.get(client, Search.keywordUrl(sim, "q", QUESTION)).body();
        try (RetrievalSimulator same = RetrievalSimulator.start(RetrievalConfig.fast())) {
            assertEquals(vector, Search.postVector(client, same, body).body());
            assertEquals(keyword, Http.get(client, Search.keywordUrl(same, "q", QUESTION)).body());
        }
        try (RetrievalSimulator other = RetrievalSimulator.start(RetrievalConfig.fast().withSeed(2).withWorks(500))) {
            assertNotEquals(keyword, Http.get(client, Search.keywordUrl(other, "q", QUESTION)).body());
            assertEquals(500, other.index().documents().size());
            assertFalse(other.index().byId(sim.index().documents().getFirst().id()).isPresent(), "another corpus");
        }
    }

    private static String topicOf(Hit hit) {
        return sim.index().corpus().byId(hit.id()).orElseThrow().topic();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertError(HttpResponse<String> response, String field, String messageStart) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = Search.parse(response.body()).get("error");
        assertEquals(400, error.get("code").asInt());
        assertEquals("INVALID_ARGUMENT", error.get("status").asText());
        assertTrue(error.get("message").asText().startsWith(messageStart), error.get("message").asText());
        if (field == null) {
            assertFalse(error.has("field"), response.body());
        } else {
            assertEquals(field, error.get("field").asText(), response.body());
        }
    }
}
