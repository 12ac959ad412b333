package ai.asyncjava.solutions.ch06.mutants;

import ai.asyncjava.kit.exercises.ch06.AbstractRebuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mutants of the abstract rebuilder, one mistake each. */
public class FlawedRebuilder implements AbstractRebuilder {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Joins the words in the map's order. */
        MAP_ORDER,
        /** Places each word at its first position only. */
        FIRST_POSITION_ONLY,
        /** A word for each position up to the number of positions, a space for a gap: the guide's Python, ported. */
        PYTHON_PORT,
        /** Takes the index for granted: null throws. */
        NULL_CRASHES,
    }

    private final Flaw flaw;

    public FlawedRebuilder(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public String rebuild(Map<String, List<Integer>> invertedIndex) {
        if (flaw != Flaw.NULL_CRASHES && (invertedIndex == null || invertedIndex.isEmpty())) {
            return "";
        }
        if (flaw == Flaw.MAP_ORDER) {
            List<String> words = new ArrayList<>();
            invertedIndex.forEach((word, positions) -> positions.forEach(p -> words.add(word)));
            return String.join(" ", words);
        }
        if (flaw == Flaw.PYTHON_PORT) {
            Map<Integer, String> byPosition = new HashMap<>();
            invertedIndex.forEach((word, positions) -> positions.forEach(p -> byPosition.put(p, word)));
            List<String> words = new ArrayList<>();
            for (int i = 0; i < byPosition.size(); i++) {
                words.add(byPosition.getOrDefault(i, " "));
            }
            return String.join(" ", words);
        }
        TreeMap<Integer, String> byPosition = new TreeMap<>();
        invertedIndex.forEach((word, positions) -> {
            if (flaw == Flaw.FIRST_POSITION_ONLY) {
                byPosition.put(positions.getFirst(), word);
            } else {
                positions.forEach(p -> byPosition.put(p, word));
            }
        });
        return String.join(" ", byPosition.values());
    }
}
