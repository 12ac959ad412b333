package ai.asyncjava.kit.simulators.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The corpus and its search, without the server: what every answer is computed from. */
class CorpusTest {

    private static final Corpus CORPUS = Corpus.generate(1, WorksConfig.DEFAULT_WORKS);

    @Test
    void worksLookLikeOpenAlexWorks() {
        Set<String> ids = new HashSet<>();
        for (Work w : CORPUS.works()) {
            assertTrue(w.id().matches("https://openalex\\.org/W\\d{10}"), w.id());
            assertTrue(ids.add(w.id()), "unique id " + w.id());
            assertTrue(w.doi().startsWith("https://doi.org/10.5555/"), w.doi());
            assertTrue(w.publicationDate().startsWith(w.publicationYear() + "-"), w.publicationDate());
            assertTrue(w.citedByCount() >= 0 && !w.authors().isEmpty() && !w.source().isEmpty());
            assertEquals(w, CORPUS.byId(w.shortId().toLowerCase()).orElseThrow());
            for (String cited : w.referencedWorks()) {
                assertTrue(CORPUS.byId(cited).orElseThrow().publicationDate().compareTo(w.publicationDate()) < 0,
                        "a work cites older works only");
            }
        }
        assertEquals(WorksConfig.DEFAULT_WORKS, CORPUS.works().size());
        long onTopic = CORPUS.works().stream().filter(w -> w.topic().equals(Corpus.questionTopic())).count();
        assertTrue(onTopic > 300, onTopic + " works on the chapter's question");
        assertTrue(CORPUS.byId("W0000000000").isEmpty());
    }

    @Test
    void abstractsRoundTripThroughTheInvertedIndex() {
        int withRepeats = 0;
        boolean punctuationAttached = false;
        for (Work w : CORPUS.works()) {
            Map<String, List<Integer>> index = w.invertedIndex();
            List<Integer> positions = index.values().stream().flatMap(List::stream).sorted().toList();
            assertEquals(IntStream.range(0, positions.size()).boxed().toList(), positions,
                    "positions cover 0..n-1 once each in " + w.shortId());
            assertEquals(w.abstractText(), Corpus.abstractText(index));
            if (index.values().stream().anyMatch(p -> p.size() >= 2)) {
                withRepeats++;
            }
            punctuationAttached |= index.keySet().stream().anyMatch(k -> k.endsWith(","))
                    && index.keySet().stream().anyMatch(k -> k.endsWith("."));
        }
        assertEquals(CORPUS.works().size(), withRepeats, "every abstract repeats some word");
        assertTrue(punctuationAttached, "words carry their punctuation, as in OpenAlex's index");
        assertThrows(IllegalArgumentException.class, () -> Corpus.abstractText(Map.of("a", List.of(0), "b", List.of(2))));
        assertEquals("", Corpus.abstractText(Map.of()));
    }

    @Test
    void theSameSeedWritesTheSameCorpusAndAnotherSeedAnother() {
        List<Work> first = CorpusWriter.write(7, 400);
        assertEquals(first, CorpusWriter.write(7, 400));
        assertNotEquals(first, CorpusWriter.write(8, 400));
        assertEquals(Corpus.generate(7, 400).search("sleep memory", 20, 1, null),
                Corpus.fromWorks(7, first).search("sleep memory", 20, 1, null));
    }

    @Test
    void wordsWithoutOperatorsMustAllMatchAndAreReadAsWholeWordsStemmedCaseFree() {
        Set<String> gut = all("gut");
        Set<String> depression = all("depression");
        assertEquals(matchingWord("gut"), gut, "a word matches the works that contain it, title or abstract");
        assertEquals(matchingWord("depressions?"), depression);
        assertEquals(intersection(gut, depression), all("gut depression"));
        assertEquals(all("gut depression"), all("gut AND depression"));
        assertEquals(all("gut depression"), all("gut and depression"), "lower-case and is a stop word");
        assertEquals(all("gut depression"), all("gut or depression"), "lower-case or is a stop word");
        assertEquals(all("gut depression"), all("GUT Depression"));
        assertEquals(all("microbiome"), all("microbiomes"), "plurals are stemmed");
        assertEquals(all("study"), all("studies"));
        assertEquals(Set.of(), all("microbio"), "no match inside words");
        assertEquals(Set.of(), all("the"), "stop words alone match nothing");
        assertEquals(0, CORPUS.search("").count() - CORPUS.works().size(), "no search lists every work");
    }

    @Test
    void booleanOperatorsCombineAsSets() {
        Set<String> gut = all("gut");
        Set<String> sleep = all("sleep");
        Set<String> memory = all("memory");
        Set<String> union = new HashSet<>(gut);
        union.addAll(sleep);
        assertEquals(union, all("gut OR sleep"));
        Set<String> difference = new HashSet<>(gut);
        difference.removeAll(all("depression"));
        assertEquals(difference, all("gut NOT depression"));
        assertEquals(intersection(union, memory), all("(gut OR sleep) AND memory"));
        assertEquals(intersection(union, memory), all("memory (sleep OR gut)"));
        Set<String> notGut = new HashSet<>(CORPUS.works().stream().map(Work::id).toList());
        notGut.removeAll(gut);
        assertEquals(notGut, all("NOT gut"));
    }

    @Test
    void quotedPhrasesMatchTheirWordsInARow() {
        Set<String> phrase = all("\"gut microbiome\"");
        assertEquals(matchingWord("gut microbiomes?"), phrase);
        Set<String> reversed = all("\"microbiome gut\"");
        assertEquals(matchingWord("microbiome\\W+gut"), reversed, "a phrase's words in its order (across punctuation)");
        assertTrue(reversed.size() < intersection(all("gut"), all("microbiome")).size(), "a phrase is narrower than its words");
        assertEquals(matchingWord("gut-brain axis"), all("\"gut-brain axis\""));
        assertEquals(all("\"gut brain\""), all("gut-brain"), "a hyphenated word is a phrase");
        Set<String> withStopWord = all("\"adjustment for confounders\"");
        assertTrue(!withStopWord.isEmpty());
        assertEquals(matchingWord("adjustment for confounders"), withStopWord, "stop words keep their place in a phrase");
    }

    @Test
    void relevanceRanksTheWorksOnTheQuestionFirst() {
        for (String search : List.of("microbiome OR depression OR anxiety", "gut microbiome mental health",
                "gut microbiota depression", "\"gut-brain axis\" anxiety")) {
            SearchResult result = CORPUS.search(search, 10, 1, null);
            assertEquals(10, result.hits().size(), search);
            for (SearchResult.Hit hit : result.hits()) {
                assertEquals(Corpus.questionTopic(), hit.work().topic(), search + " ranks " + hit.work() + " in its top 10");
            }
            List<Double> scores = result.hits().stream().map(SearchResult.Hit::relevanceScore).toList();
            assertTrue(scores.stream().allMatch(s -> s > 0), search);
            assertEquals(scores.stream().sorted((a, b) -> Double.compare(b, a)).toList(), scores, "by relevance, highest first");
        }
    }

    @Test
    void pagingSortingAndItsErrorsAreOpenAlexs() {
        SearchResult thirty = CORPUS.search("gut", 30, 1, null);
        List<Work> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            SearchResult result = CORPUS.search("gut", 10, page, null);
            assertEquals(thirty.count(), result.count());
            paged.addAll(result.works());
        }
        assertEquals(thirty.works(), paged);
        assertEquals(List.of(), CORPUS.search("gut", 200, 50, null).hits());

        List<Integer> cited = CORPUS.search("sleep", 200, 1, "cited_by_count:desc").works().stream()
                .map(Work::citedByCount).toList();
        assertEquals(cited.stream().sorted((a, b) -> b - a).toList(), cited);
        List<Integer> years = CORPUS.search("sleep", 200, 1, "publication_year").works().stream()
                .map(Work::publicationYear).toList();
        assertEquals(years.stream().sorted().toList(), years);
        assertEquals(CORPUS.search("sleep", 25, 1, null), CORPUS.search("sleep", 25, 1, "relevance_score:desc"));

        assertError(400, WorksError.PAGINATION, "per-page parameter must be between 1 and 200", () -> CORPUS.search("gut", 0, 1, null));
        assertError(400, WorksError.PAGINATION, "per-page parameter must be between 1 and 200", () -> CORPUS.search("gut", 201, 1, null));
        assertError(400, WorksError.PAGINATION, "Page parameter must be greater than 0.", () -> CORPUS.search("gut", 25, 0, null));
        assertError(400, WorksError.PAGINATION, "Maximum results size of 10,000 records is exceeded",
                () -> CORPUS.search("gut", 200, 51, null));
        assertError(400, WorksError.INVALID_PARAMETERS, "title is not a valid field", () -> CORPUS.search("gut", 25, 1, "title:desc"));
        assertError(400, WorksError.INVALID_PARAMETERS, "Invalid query parameter in cited_by_count:down",
                () -> CORPUS.search("gut", 25, 1, "cited_by_count:down"));
        assertError(400, WorksError.INVALID_PARAMETERS, "Must include a search query",
                () -> CORPUS.search(null, 25, 1, "relevance_score:desc"));
    }

    @Test
    void malformedSearchesAreRefusedWithAReason() {
        for (String bad : List.of("gut AND", "AND gut", "gut OR", "OR", "NOT", "gut NOT", "gut AND OR sleep",
                "(gut", "gut)", "()", "\"gut microbiome", "gut \"brain", "!gut", "gut | sleep")) {
            WorksError error = assertThrows(WorksError.class, () -> CORPUS.search(bad), bad);
            assertEquals(400, error.status(), bad);
            assertEquals(WorksError.INVALID_PARAMETERS, error.error());
            assertTrue(error.message().endsWith(bad), "the message quotes the search: " + error.message());
        }
    }

    private static void assertError(int status, String error, String messageStart, Runnable call) {
        WorksError e = assertThrows(WorksError.class, call::run);
        assertEquals(status, e.status(), e.toString());
        assertEquals(error, e.error(), e.toString());
        assertTrue(e.message().startsWith(messageStart), e.message());
    }

    /** Every ID the search finds, over all its pages. */
    static Set<String> all(String search) {
        Set<String> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            SearchResult result = CORPUS.search(search, 200, page, null);
            result.hits().forEach(h -> ids.add(h.work().id()));
            if (page * 200 >= result.count()) {
                return ids;
            }
        }
    }

    /** The works whose title or abstract contains this regex as whole words, ignoring case: an independent truth. */
    private static Set<String> matchingWord(String regex) {
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + regex + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);
        Set<String> ids = new HashSet<>();
        for (Work w : CORPUS.works()) {
            if (pattern.matcher(w.title()).find() || pattern.matcher(w.abstractText()).find()) {
                ids.add(w.id());
            }
        }
        return ids;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
