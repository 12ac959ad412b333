package ai.asyncjava.kit.simulators.gemini;

import static ai.asyncjava.kit.simulators.gemini.AgentTurns.question;
import static ai.asyncjava.kit.simulators.gemini.AgentTurns.responses;
import static ai.asyncjava.kit.simulators.gemini.AgentTurns.searchOf;
import static ai.asyncjava.kit.simulators.gemini.AgentTurns.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.gemini.AgentTurns.Streamed;
import com.google.genai.types.Content;
import com.google.genai.types.Part;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The research script through the real SDK: rounds of searches built from what came back, then a cited answer. */
class ResearchScriptTest {

    private static final List<String> GUT = List.of("serotonin", "probiotics", "inflammation");
    private static final List<String> SLEEP = List.of("cortisol", "insomnia", "melatonin");

    @RegisterExtension
    static final SimulatorExtension GEMINI = new SimulatorExtension(GeminiSimulatorConfig.research()
            .withLatencies(GeminiLatencies.none()).withTimeScale(0));

    @BeforeEach
    void threeRounds() {
        GEMINI.sim().reconfigure(c -> c.withScript(new ResearchScript()));
        GEMINI.sim().reset();
    }

    /** Runs the agent loop for {@code replies} replies, answering each search with {@code search}. */
    private static List<Streamed> converse(int replies, Function<String, Map<String, Object>> search,
                                           Set<String> sentWorkIds) {
        List<Content> history = new ArrayList<>(List.of(question()));
        List<Streamed> streamed = new ArrayList<>();
        for (int i = 0; i < replies; i++) {
            Streamed reply = stream(GEMINI.client(), history);
            streamed.add(reply);
            if (reply.calls().isEmpty()) {
                break;
            }
            history.add(reply.modelTurn());
            Content answers = responses(reply.calls(), search, true);
            for (Part part : answers.parts().orElseThrow()) {
                Map<String, Object> result = part.functionResponse().orElseThrow().response().orElseThrow();
                if (result.get("results") instanceof List<?> works) {
                    works.forEach(w -> sentWorkIds.add(String.valueOf(((Map<?, ?>) w).get("id")).substring(21)));
                }
            }
            history.add(answers);
        }
        return streamed;
    }

    @Test
    void searchesTwiceThenAnswersCitingOnlyWorksSentBack() {
        Set<String> sent = new HashSet<>();
        List<Streamed> replies = converse(5, s -> FakeWorks.results(s, GUT), sent);
        assertEquals(3, replies.size(), "three replies: two rounds of searches, then the answer");

        Streamed first = replies.get(0);
        assertTrue(first.text().startsWith("I'll start broad: "), first.text());
        assertEquals(4, first.calls().size());
        assertEquals("gut microbiome mental health", searchOf(first.calls().getFirst()));
        assertEquals(4, first.calls().stream().map(AgentTurns::searchOf).distinct().count());
        assertEquals(2 + 4 + ResearchScript.WHILE_SEARCHING.size(), first.chunks(),
                "two text chunks, one chunk per call, then the text said while the searches run");

        Streamed second = replies.get(1);
        assertEquals(3, second.calls().size());
        assertTrue(second.text().startsWith("Round 1 found 12 works"), second.text());

        Streamed answer = replies.get(2);
        assertTrue(answer.calls().isEmpty());
        assertTrue(answer.text().startsWith("Final answer: "), answer.text());
        assertTrue(answer.text().contains("\n\n"), "two paragraphs: " + answer.text());
        List<String> cited = ResearchScript.citedWorkIds(answer.text());
        assertEquals(ResearchScript.MAX_CITATIONS, cited.size(), answer.text());
        assertTrue(sent.containsAll(cited), "cites " + cited + ", sent back " + sent);
        assertTrue(answer.text().matches("(?s).*\\[\\p{L}+ et al\\., 20\\d\\d]\\(https://openalex\\.org/W\\d{10}\\).*"),
                answer.text());
    }

    @Test
    void everyCallHasItsOwnIdAndOnlyAReplysFirstCallASignature() {
        List<Streamed> replies = converse(2, s -> FakeWorks.results(s, GUT), new HashSet<>());
        Set<String> ids = new HashSet<>();
        for (Streamed reply : replies) {
            List<Part> callParts = reply.modelTurn().parts().orElseThrow().stream()
                    .filter(p -> p.functionCall().isPresent()).toList();
            for (int i = 0; i < callParts.size(); i++) {
                String id = callParts.get(i).functionCall().orElseThrow().id().orElseThrow();
                assertTrue(id.matches("[0-9a-z]{8}"), id);
                assertTrue(ids.add(id), "id " + id + " repeats");
                assertEquals(i == 0, callParts.get(i).thoughtSignature().isPresent(), "signature on call " + i);
            }
        }
        assertEquals(7, ids.size());
    }

    @Test
    void laterSearchesComeFromTheWordsOfTheWorksSentBack() {
        List<String> gut = converse(2, s -> FakeWorks.results(s, GUT), new HashSet<>()).get(1).calls().stream()
                .map(AgentTurns::searchOf).toList();
        List<String> sleep = converse(2, s -> FakeWorks.results(s, SLEEP), new HashSet<>()).get(1).calls().stream()
                .map(AgentTurns::searchOf).toList();
        List<String> nothing = converse(2, s -> Map.of("results", List.of()), new HashSet<>()).get(1).calls().stream()
                .map(AgentTurns::searchOf).toList();
        assertNotEquals(gut, sleep);
        assertNotEquals(gut, nothing);
        assertTrue(gut.stream().anyMatch(s -> GUT.stream().anyMatch(s::contains)), gut.toString());
        assertTrue(sleep.stream().anyMatch(s -> SLEEP.stream().anyMatch(s::contains)), sleep.toString());
        // The same results give the same searches: the script is deterministic.
        assertEquals(gut, converse(2, s -> FakeWorks.results(s, GUT), new HashSet<>()).get(1).calls().stream()
                .map(AgentTurns::searchOf).toList());
    }

    @Test
    void roundsOfFailedSearchesMoveOnAndTheAnswerSaysNothingCameBack() {
        List<Streamed> replies = converse(5, s -> Map.of("error", "search failed: 500"), new HashSet<>());
        assertEquals(3, replies.size());
        assertTrue(replies.get(1).text().contains("no works (4 failed)"), replies.get(1).text());
        String answer = replies.get(2).text();
        assertTrue(answer.startsWith("Final answer: None of the 7 searches brought back any works"
                + " (every one of them failed)"), answer);
        assertTrue(ResearchScript.citedWorkIds(answer).isEmpty());
    }

    @Test
    void readsTheShapesLearnersSendBack() {
        Function<String, Map<String, Object>> wrapped = s -> Map.of("output", FakeWorks.results(s, GUT));
        Set<String> sent = new HashSet<>();
        List<Streamed> replies = converse(5, wrapped, sent);
        List<String> cited = ResearchScript.citedWorkIds(replies.get(2).text());
        assertFalse(cited.isEmpty(), replies.get(2).text());

        Function<String, Map<String, Object>> asJsonText = s -> {
            try {
                return Map.of("output", GeminiJson.MAPPER.writeValueAsString(FakeWorks.results(s, GUT)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals(cited, ResearchScript.citedWorkIds(converse(5, asJsonText, new HashSet<>()).get(2).text()));
    }

    @Test
    void endlessNeverAnswers() {
        GEMINI.sim().reconfigure(c -> c.withScript(ResearchScript.endless()));
        List<Streamed> replies = converse(6, s -> FakeWorks.results(s, GUT), new HashSet<>());
        assertEquals(6, replies.size());
        replies.forEach(r -> assertFalse(r.calls().isEmpty(), r.text()));
        Set<String> searches = new HashSet<>();
        replies.forEach(r -> r.calls().forEach(c -> assertTrue(searches.add(searchOf(c)), "repeated " + searchOf(c))));
    }

    @Test
    void roundsSetsTheReplyThatAnswers() {
        GEMINI.sim().reconfigure(c -> c.withScript(ResearchScript.rounds(2)));
        List<Streamed> replies = converse(5, s -> FakeWorks.results(s, GUT), new HashSet<>());
        assertEquals(2, replies.size());
        assertTrue(replies.get(1).text().startsWith("Final answer: "));
    }

    @Test
    void withoutASearchToolItAnswersLikeTheDefaultScript() {
        String answer = GEMINI.client().models.generateContent(AgentTurns.MODEL, "What is two times 12?", null).text();
        assertEquals(GeminiAnswers.answerTo("What is two times 12?"), answer);
    }

    @Test
    void citationsNameTheFirstAuthorAndYear() {
        Map<String, Object> work = FakeWorks.work("gut", 0, GUT);
        String surname = FakeWorks.surname("gut", 0);
        assertEquals(surname + " et al., " + work.get("publication_year"), ResearchScript.citation(work));
        Map<String, Object> single = new java.util.HashMap<>(work);
        single.put("authorships", List.of(Map.of("author", Map.of("display_name", "Mary-Jane O'Neil"))));
        single.remove("publication_year");
        single.put("publication_date", "2021-03-04");
        assertEquals("O'Neil, 2021", ResearchScript.citation(single));
    }
}
