package ai.asyncjava.kit.checks.ch06;

import static ai.asyncjava.kit.checks.Wording.quoted;
import static ai.asyncjava.kit.checks.Wording.shortened;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch06.WorksSearch;
import ai.asyncjava.kit.exercises.ch06.WorksSearchFactory;
import ai.asyncjava.kit.simulators.Fault;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.works.Corpus;
import ai.asyncjava.kit.simulators.works.Work;
import ai.asyncjava.kit.simulators.works.WorksConfig;
import ai.asyncjava.kit.simulators.works.WorksSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hidden checks of chapter 06's step 1, the search tool: five searches of a works simulator of
 * the check's own (no latency), in the forms a model writes them, compared with the corpus's own
 * answers; then a search the simulator fails with a 500 and one it refuses with a 400.
 */
@HiddenChecks(secondsPerCheck = 4)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorksSearchChecks {

    static final List<String> QUERIES = List.of("gut microbiome mental health", "\"gut microbiome\" AND depression",
            "probiotics anxiety", "dysbiosis NOT obesity", "sleep & memory");
    /** The simulator answers this one with a 500. */
    static final String FAILING = "vagus nerve signalling";
    /** The API refuses this one: its quote is never closed. */
    static final String MALFORMED = "\"gut microbiome AND mood";

    /** What one search gave: the map, or what it threw. */
    private record Searched(String query, Map<String, Object> result, Throwable thrown) {}

    private WorksSimulator site;
    private HttpClient client;
    private Map<String, Searched> searched;
    private List<LoggedRequest> requests;

    @AfterAll
    void closeEverything() {
        CheckSimulators.closeAll(client, site);
    }

    @Test
    @Order(1)
    @DisplayName("sends each query as the search parameter, intact, once")
    void queryIntact(WorksSearchFactory tools) throws Exception {
        searchAll(tools);
        List<String> arrived = requests.stream().map(LoggedRequest::target).toList();
        for (String query : QUERIES) {
            long times = arrived.stream().filter(query::equals).count();
            if (times == 0) {
                fail("The search for " + Wording.quoted(query) + " never reached the API as that search; it received "
                        + arrived + ". Encode the query with URLEncoder.encode(query, UTF_8): quotes, spaces and & "
                        + "must survive the trip.");
            }
            if (times > 1) {
                fail("The search for " + Wording.quoted(query) + " reached the API " + times + " times; search once.");
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("returns the API's results, in its order")
    void resultsInOrder(WorksSearchFactory tools) throws Exception {
        Corpus corpus = site.corpus();
        for (String query : QUERIES) {
            Searched one = searchAll(tools).get(query);
            if (one.result() == null) {
                fail("search(" + Wording.quoted(query) + ") threw " + Wording.exception(one.thrown()) + ".");
            }
            List<String> ids = idsOf(one.result());
            List<String> expected = corpus.search(query, Math.max(1, ids.size()), 1, "relevance_score:desc").ids();
            if (ids.isEmpty() && !expected.isEmpty()) {
                fail("search(" + Wording.quoted(query) + ") returned no works under \"results\", though the API found "
                        + corpus.search(query).count() + ". Return the API's answer as a map, its \"results\" list included.");
            }
            if (!ids.equals(expected.subList(0, Math.min(expected.size(), ids.size())))) {
                fail("search(" + Wording.quoted(query) + ") returned " + ids + "; the API's best matches, in order, are "
                        + expected + ". Keep the API's order: it is the relevance ranking.");
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("gives each work its abstract as text, rebuilt from the inverted index")
    void abstractsAsText(WorksSearchFactory tools) throws Exception {
        Corpus corpus = site.corpus();
        for (String query : QUERIES) {
            Searched one = searchAll(tools).get(query);
            if (one.result() == null) {
                fail("search(" + Wording.quoted(query) + ") threw " + Wording.exception(one.thrown()) + ".");
            }
            for (Map<String, Object> work : worksOf(one.result())) {
                Work truth = corpus.byId(String.valueOf(work.get("id"))).orElse(null);
                if (truth == null) {
                    continue; // the previous check reports ids
                }
                if (work.containsKey("abstract_inverted_index")) {
                    fail("The work " + truth.shortId() + " still has its abstract_inverted_index: replace it with "
                            + "\"abstract\", its text, so the model reads words, not positions.");
                }
                Object text = work.get("abstract");
                if (text == null) {
                    fail("The work " + truth.shortId() + " has no \"abstract\". Ask for abstract_inverted_index in "
                            + "select=..., rebuild it, and put the text under \"abstract\".");
                }
                if (!truth.abstractText().equals(text)) {
                    fail("The abstract of " + truth.shortId() + " reads " + quoted(shortened(text.toString(), 120))
                            + "; it is " + quoted(shortened(truth.abstractText(), 120)) + ". Does your rebuilder pass "
                            + "Chapter06.checkAbstractRebuilder?");
                }
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("throws an IOException when the API answers with an error")
    void errorsThrow(WorksSearchFactory tools) throws Exception {
        Map<String, Searched> all = searchAll(tools);
        for (String query : List.of(FAILING, MALFORMED)) {
            Searched one = all.get(query);
            String status = query.equals(FAILING) ? "500" : "400";
            if (one.result() != null) {
                fail("search(" + Wording.quoted(query) + ") returned " + shortened(one.result().toString(), 120)
                        + ", though the "
                        + "API answered " + status + ". HttpClient does not throw for an error status: check "
                        + "statusCode() and throw an IOException that names it.");
            }
            if (!(one.thrown() instanceof IOException)) {
                fail("search(" + Wording.quoted(query) + ") threw " + Wording.exception(one.thrown()) + " for the API's "
                        + status + "; the contract says IOException, which the agent turns into an error for the model.");
            }
        }
    }

    private Map<String, Searched> searchAll(WorksSearchFactory tools) throws Exception {
        if (searched != null) {
            return searched;
        }
        if (site == null) {
            site = CheckSimulators.outsideTheCheck(() -> WorksSimulator.start(WorksConfig.fast()));
            client = CheckSimulators.outsideTheCheck(HttpClient::newHttpClient);
        }
        site.reset();
        site.failSearchAlways(FAILING, Fault.INTERNAL_ERROR);
        WorksSearch tool = tools.create(client, URI.create(site.baseUrl()));
        if (tool == null) {
            fail("The factory made null instead of a search tool.");
        }
        List<String> all = new ArrayList<>(QUERIES);
        all.add(FAILING);
        all.add(MALFORMED);
        BoundedRun.Outcome<Map<String, Searched>> outcome = BoundedRun.call("search(...)", Duration.ofSeconds(3), () -> {
            Map<String, Searched> results = new LinkedHashMap<>();
            for (String query : all) {
                try {
                    results.put(query, new Searched(query, tool.search(query), null));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    results.put(query, new Searched(query, null, e));
                }
            }
            return results;
        });
        searched = outcome.resultOrRethrow();
        requests = site.log().requests();
        return searched;
    }

    static List<Map<String, Object>> worksOf(Map<String, Object> result) {
        List<Map<String, Object>> works = new ArrayList<>();
        if (result.get("results") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> work = new LinkedHashMap<>();
                    map.forEach((key, value) -> work.put(String.valueOf(key), value));
                    works.add(work);
                }
            }
        }
        return works;
    }

    private static List<String> idsOf(Map<String, Object> result) {
        return worksOf(result).stream().map(work -> String.valueOf(work.get("id"))).toList();
    }

}
