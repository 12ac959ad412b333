package ai.asyncjava.kit.checks.ch04;

import static ai.asyncjava.kit.checks.Wording.count;
import static ai.asyncjava.kit.checks.ch04.BatcherRun.shortList;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the embedding checks demand of results: each text once, each with its own vector. */
final class EmbeddingRules {

    /** The simulator's vectors for the same text are equal; for different texts far apart. */
    private static final double SAME_VECTOR = 0.9999;

    private EmbeddingRules() {}

    /** Fails unless {@code results} hold each of {@code texts} exactly as often as it appears there. */
    static void requireEachTextOnce(List<String> texts, List<Embedded> results, String where) {
        for (Embedded result : results) {
            if (result == null || result.text() == null) {
                fail(where + " got a null result (or a result with a null text); give every text its Embedded.");
            }
        }
        Map<String, Integer> expected = tally(texts);
        Map<String, Integer> got = tally(results.stream().map(Embedded::text).toList());
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>(expected.keySet());
        all.addAll(got.keySet());
        for (String text : all) {
            int want = expected.getOrDefault(text, 0);
            int have = got.getOrDefault(text, 0);
            for (int i = have; i < want; i++) {
                missing.add("\"" + text + "\"");
            }
            for (int i = want; i < have; i++) {
                extra.add("\"" + text + "\"");
            }
        }
        if (!missing.isEmpty()) {
            fail(count(missing.size(), "text") + " of " + texts.size() + " never reached " + where + ": "
                    + shortList(missing) + ". Every text must come out once for each time it went in"
                    + (texts.size() > new LinkedHashSet<>(texts).size() ? " (some texts appear twice, on purpose)" : "")
                    + ".");
        }
        if (!extra.isEmpty()) {
            fail(count(extra.size(), "text") + " reached " + where + " more often than they went in: "
                    + shortList(extra) + ".");
        }
    }

    /** Fails unless every result's vector is the one the API gives its text. */
    static void requireOwnEmbeddings(List<Embedded> results, Collection<String> texts) {
        for (Embedded result : results) {
            if (result == null || result.text() == null) {
                continue; // requireEachTextOnce reports these
            }
            List<Float> values = result.values();
            if (values == null || values.isEmpty() || values.contains(null)) {
                fail("The result for \"" + result.text() + "\" has no embedding values; pass on the values the API "
                        + "returned for it.");
            }
            if (similarity(values, result.text()) >= SAME_VECTOR) {
                continue;
            }
            String owner = texts.stream().filter(text -> similarity(values, text) >= SAME_VECTOR).findFirst().orElse(null);
            fail("The embedding paired with \"" + result.text() + "\" is " + (owner == null
                    ? "not the one the API returned for it"
                    : "the one the API returned for \"" + owner + "\"")
                    + ". The API answers in the order of the texts: pair the i-th embedding with the i-th text of the "
                    + "same request.");
        }
    }

    private static double similarity(List<Float> values, String text) {
        return GeminiAnswers.cosine(values, GeminiAnswers.embedding(text, values.size()));
    }

    private static Map<String, Integer> tally(List<String> texts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        texts.forEach(text -> counts.merge(text, 1, Integer::sum));
        return counts;
    }
}
