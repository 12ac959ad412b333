package ai.asyncjava.kit.simulators.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@code /works} answers over HTTP, checked with java.net.http and Jackson as a learner's tool reads it. */
class WorksApiTest {

    /** The fields the chapter's tool selects. */
    static final String TOOL_FIELDS = "id,title,display_name,publication_year,publication_date,cited_by_count,"
            + "primary_location,abstract_inverted_index,authorships";

    private static WorksSimulator works;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        works = WorksSimulator.start(WorksConfig.fast());
        client = Http.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        works.close();
    }

    @Test
    void aSearchAnswersInOpenAlexsShape() {
        JsonNode body = Api.works(client, works, "search", "gut microbiome", "mailto", "you@example.com");
        assertEquals(List.of("meta", "results", "group_by"), names(body));
        JsonNode meta = body.get("meta");
        assertEquals(List.of("count", "db_response_time_ms", "page", "per_page", "groups_count"), names(meta));
        SearchResult truth = works.corpus().search("gut microbiome");
        assertEquals(truth.count(), meta.get("count").asInt());
        assertEquals(1, meta.get("page").asInt());
        assertEquals(25, meta.get("per_page").asInt());
        assertTrue(meta.get("groups_count").isNull());
        assertTrue(body.get("group_by").isArray() && body.get("group_by").isEmpty());
        assertEquals(25, body.get("results").size());

        JsonNode first = body.get("results").get(0);
        Work work = truth.hits().getFirst().work();
        assertEquals(WorksJson.FIELDS, names(first), "every field, in OpenAlex's order");
        assertEquals(work.id(), first.get("id").asText());
        assertEquals(work.doi(), first.get("doi").asText());
        assertEquals(work.title(), first.get("title").asText());
        assertEquals(work.title(), first.get("display_name").asText());
        assertEquals(truth.hits().getFirst().relevanceScore(), first.get("relevance_score").asDouble());
        assertEquals(work.publicationYear(), first.get("publication_year").asInt());
        assertEquals(work.publicationDate(), first.get("publication_date").asText());
        assertEquals(work.citedByCount(), first.get("cited_by_count").asInt());
        assertEquals(work.source(), first.at("/primary_location/source/display_name").asText());
        assertEquals(work.doi(), first.at("/primary_location/landing_page_url").asText());
        JsonNode authorships = first.get("authorships");
        assertEquals(work.authors().size(), authorships.size());
        assertEquals("first", authorships.get(0).get("author_position").asText());
        assertEquals(work.authors().getFirst(), authorships.get(0).at("/author/display_name").asText());
        assertTrue(authorships.get(0).at("/author/id").asText().matches("https://openalex\\.org/A\\d{10}"));
        assertTrue(authorships.get(0).get("institutions").get(0).has("display_name"));
        assertEquals(work.referencedWorks().size(), first.get("referenced_works").size());
        assertFalse(first.has("abstract"), "the API never sends a plain abstract");
        assertEquals(works.corpus().search("gut microbiome").ids(), ids(body), "the server answers as the corpus says");
    }

    @Test
    void abstractsArriveAsInvertedIndexesThatRebuildToTheTruth() {
        JsonNode body = Api.works(client, works, "search", "sleep memory", "per_page", "50", "select", TOOL_FIELDS);
        assertEquals(50, body.get("results").size());
        for (JsonNode result : body.get("results")) {
            Work work = works.corpus().byId(result.get("id").asText()).orElseThrow();
            JsonNode index = result.get("abstract_inverted_index");
            assertEquals(work.abstractText(), Api.rebuildAbstract(index), "the Python chapter's rebuild works");
            List<String> keys = names(index);
            assertEquals(List.copyOf(work.invertedIndex().keySet()), keys, "words in order of first appearance");
        }
    }

    @Test
    void selectSendsOnlyTheFieldsAskedFor() {
        JsonNode body = Api.works(client, works, "search", "microplastics", "select", "id,display_name,cited_by_count");
        for (JsonNode result : body.get("results")) {
            assertEquals(List.of("id", "display_name", "cited_by_count"), names(result));
        }
        JsonNode tool = Api.works(client, works, "search", "microplastics", "select", TOOL_FIELDS, "per_page", "3");
        assertEquals(List.of("id", "title", "display_name", "publication_year", "publication_date", "primary_location",
                "authorships", "cited_by_count", "abstract_inverted_index"), names(tool.get("results").get(0)),
                "selected fields keep OpenAlex's order");
        JsonNode scored = Api.works(client, works, "search", "microplastics", "select", "id,relevance_score", "per_page", "2");
        assertTrue(scored.get("results").get(0).get("relevance_score").asDouble() > 0);
        JsonNode unsearched = Api.works(client, works, "per_page", "2");
        assertFalse(unsearched.get("results").get(0).has("relevance_score"), "no search, no relevance_score");
        assertEquals(works.corpus().works().size(), unsearched.at("/meta/count").asInt());
    }

    @Test
    void pagesSplitTheSameOrderedList() {
        List<String> all = ids(Api.works(client, works, "search", "soil carbon", "per_page", "30"));
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode body = Api.works(client, works, "search", "soil carbon", "per-page", "10", "page", "" + page);
            assertEquals(page, body.at("/meta/page").asInt());
            assertEquals(10, body.at("/meta/per_page").asInt());
            paged.addAll(ids(body));
        }
        assertEquals(all, paged);
        JsonNode beyond = Api.works(client, works, "search", "soil carbon", "page", "40");
        assertEquals(0, beyond.get("results").size());
        assertTrue(beyond.at("/meta/count").asInt() > 0);
        JsonNode byCitations = Api.works(client, works, "search", "soil carbon", "sort", "cited_by_count:desc");
        assertEquals(works.corpus().search("soil carbon", 25, 1, "cited_by_count:desc").ids(), ids(byCitations));
    }

    @Test
    void oneWorkByIdAndTheWorksCitingIt() {
        Work cited = works.corpus().works().stream().filter(w -> works.corpus().citing(w.id()).size() >= 3)
                .findFirst().orElseThrow();
        HttpResponse<String> single = Http.get(client, works.worksUrl() + "/" + cited.shortId() + "?select=id,title");
        assertEquals(200, single.statusCode());
        JsonNode work = Api.parse(single.body());
        assertEquals(List.of("id", "title"), names(work));
        assertEquals(cited.id(), work.get("id").asText());
        JsonNode full = Api.parse(Http.get(client, works.worksUrl() + "/" + cited.id()).body());
        assertEquals(cited.abstractText(), Api.rebuildAbstract(full.get("abstract_inverted_index")));
        JsonNode citing = Api.works(client, works, "filter", "cites:" + cited.shortId(), "per_page", "200");
        Set<String> expected = new TreeSet<>(works.corpus().citing(cited.id()).stream().map(Work::id).toList());
        assertEquals(expected, new TreeSet<>(ids(citing)));
        for (String id : ids(citing)) {
            assertTrue(works.corpus().byId(id).orElseThrow().referencedWorks().contains(cited.id()));
        }
    }

    @Test
    void everyMistakeGetsOpenAlexsErrorShapeAndTheServerKeepsServing() {
        String pagination = WorksError.PAGINATION;
        String invalid = WorksError.INVALID_PARAMETERS;
        record Case(String query, int status, String error, String messageStart) {
        }
        List<Case> cases = List.of(
                new Case("search=gut&per_page=0", 400, pagination, "per-page parameter must be between 1 and 200"),
                new Case("search=gut&per_page=201", 400, pagination, "per-page parameter must be between 1 and 200"),
                new Case("search=gut&per_page=ten", 400, invalid, "Param per-page must be a number."),
                new Case("search=gut&page=0", 400, pagination, "Page parameter must be greater than 0."),
                new Case("search=gut&page=x", 400, invalid, "Param page must be a number."),
                new Case("search=gut&per_page=200&page=51", 400, pagination, "Maximum results size of 10,000 records"),
                new Case("search=gut&select=id,abstract", 400, invalid, "abstract is not a valid select field. Valid fields for select are: id, doi,"),
                new Case("search=gut&sort=novelty:desc", 400, invalid, "novelty is not a valid field."),
                new Case("sort=relevance_score:desc", 400, invalid, "Must include a search query"),
                new Case("search=gut&q=sleep", 400, invalid, "q is not a valid parameter. Valid parameters are:"),
                new Case("search=gut&filter=publication_year:2020", 400, invalid, "publication_year is not a valid field."),
                new Case("search=gut%20AND", 400, invalid, "Invalid search. The boolean operator AND needs a search term on each side."),
                new Case("search=NOT", 400, invalid, "Invalid search. The boolean operator NOT needs a search term after it."),
                new Case("search=%22gut%20microbiome", 400, invalid, "Invalid search. Its double quotes are unbalanced"),
                new Case("search=(gut%20OR%20sleep", 400, invalid, "Invalid search. Its parentheses are unbalanced"));
        for (Case c : cases) {
            HttpResponse<String> response = Http.get(client, works.worksUrl() + "?" + c.query());
            assertEquals(c.status(), response.statusCode(), c.query() + ": " + response.body());
            assertEquals("application/json; charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());
            JsonNode body = Api.parse(response.body());
            assertEquals(List.of("error", "message"), names(body), c.query());
            assertEquals(c.error(), body.get("error").asText(), c.query());
            assertTrue(body.get("message").asText().startsWith(c.messageStart()), c.query() + ": " + body);
        }
        HttpResponse<String> noWork = Http.get(client, works.worksUrl() + "/W0000000000");
        assertEquals(404, noWork.statusCode());
        assertEquals("Work W0000000000 not found", Api.parse(noWork.body()).get("message").asText());
        HttpResponse<String> noPath = Http.get(client, works.baseUrl() + "/authors");
        assertEquals(404, noPath.statusCode());
        assertEquals("Not Found", Api.parse(noPath.body()).get("error").asText());
        HttpResponse<String> post = Http.send(client, HttpRequest.newBuilder(URI.create(works.worksUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(5)).build());
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());

        assertEquals(200, Http.get(client, Api.worksUrl(works, "search", "gut")).statusCode(), "still serving");
        assertTrue(works.log().requests().stream().filter(r -> r.status() == 400 || r.status() == 405).noneMatch(r -> r.admitted()),
                "refused requests are logged, not counted against the quota");
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("results").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }
}
