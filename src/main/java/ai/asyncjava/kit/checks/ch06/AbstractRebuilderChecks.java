package ai.asyncjava.kit.checks.ch06;

import static ai.asyncjava.kit.checks.Wording.quoted;
import static ai.asyncjava.kit.checks.Wording.shortened;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch06.AbstractRebuilder;
import ai.asyncjava.kit.simulators.works.Corpus;
import ai.asyncjava.kit.simulators.works.Work;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 06's step 1, rebuilding an abstract from its inverted index: small
 * indexes made to show one rule each, then a hundred abstracts of the works simulator's corpus.
 */
@HiddenChecks(secondsPerCheck = 3)
class AbstractRebuilderChecks {

    @Test
    @Order(1)
    @DisplayName("puts every word at its position, in position order")
    void wordsInOrder(Supplier<? extends AbstractRebuilder> rebuilders) {
        // Listed out of order on purpose: a map's order is not the text's order.
        Map<String, List<Integer>> index = new LinkedHashMap<>();
        index.put("brain", List.of(3));
        index.put("The", List.of(0));
        index.put("axis.", List.of(4));
        index.put("gut-", List.of(1));
        index.put("and", List.of(2));
        expect(rebuilders, index, "The gut- and brain axis.", "Sort the words by their positions, not by the map's "
                + "order: put each word at each of its positions (a TreeMap from position to word), then read the "
                + "positions in order.");
    }

    @Test
    @Order(2)
    @DisplayName("keeps a repeated word at each of its positions")
    void repeatedWords(Supplier<? extends AbstractRebuilder> rebuilders) {
        Map<String, List<Integer>> index = new HashMap<>();
        index.put("the", List.of(0, 4, 7));
        index.put("gut", List.of(1, 8));
        index.put("mood,", List.of(3));
        index.put("mood", List.of(5));
        index.put("shapes", List.of(2, 6));
        expect(rebuilders, index, "the gut shapes mood, the mood shapes the gut", "A word's list holds every position it "
                + "stands at: place it at each one, not only the first.");
    }

    @Test
    @Order(3)
    @DisplayName("leaves out positions that no word claims, with single spaces")
    void gaps(Supplier<? extends AbstractRebuilder> rebuilders) {
        Map<String, List<Integer>> index = new HashMap<>();
        index.put("Probiotics", List.of(0));
        index.put("may", List.of(1));
        index.put("reduce", List.of(3));
        index.put("anxiety.", List.of(6));
        expect(rebuilders, index, "Probiotics may reduce anxiety.", "Positions 2, 4 and 5 have no word (the real index "
                + "has such gaps): leave them out, and join the words with single spaces.");
    }

    @Test
    @Order(4)
    @DisplayName("gives \"\" for an empty or missing index")
    void emptyIndex(Supplier<? extends AbstractRebuilder> rebuilders) {
        String empty = rebuilders.get().rebuild(Map.of());
        if (!"".equals(empty)) {
            fail("For an empty index rebuild(...) gave " + Wording.quoted(String.valueOf(empty)) + "; an abstract with no "
                    + "words is \"\".");
        }
        String missing;
        try {
            missing = rebuilders.get().rebuild(null);
        } catch (NullPointerException e) {
            fail("rebuild(null) threw a NullPointerException. Many works have no abstract and the API sends null for "
                    + "abstract_inverted_index: give \"\".");
            return;
        }
        if (!"".equals(missing)) {
            fail("For a missing index (null) rebuild(...) gave " + Wording.quoted(String.valueOf(missing)) + "; give \"\".");
        }
    }

    @Test
    @Order(5)
    @DisplayName("rebuilds the works API's own abstracts")
    void realAbstracts(Supplier<? extends AbstractRebuilder> rebuilders) {
        AbstractRebuilder rebuilder = rebuilders.get();
        List<Work> works = Corpus.generate(1, 200).works(); // small: generated in a few ms
        for (Work work : works.subList(0, 100)) {
            String rebuilt = rebuilder.rebuild(work.invertedIndex());
            if (!work.abstractText().equals(rebuilt)) {
                fail("The abstract of " + work.id() + " came out as " + quoted(shortened(rebuilt, 120)) + "; it reads "
                        + quoted(shortened(work.abstractText(), 120)) + ".");
            }
        }
    }

    private static void expect(Supplier<? extends AbstractRebuilder> rebuilders, Map<String, List<Integer>> index,
                               String expected, String advice) {
        AbstractRebuilder rebuilder = rebuilders.get();
        if (rebuilder == null) {
            fail("The factory made null instead of an abstract rebuilder.");
        }
        String rebuilt = rebuilder.rebuild(index);
        if (!expected.equals(rebuilt)) {
            fail("For the index " + index + " rebuild(...) gave " + Wording.quoted(String.valueOf(rebuilt))
                    + ", not " + Wording.quoted(expected) + ". " + advice);
        }
    }

}
