package ai.asyncjava.solutions.ch06;

import ai.asyncjava.kit.exercises.ch06.AbstractRebuilder;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Puts each word at its positions, then reads the positions in order. */
public class InvertedIndexAbstract implements AbstractRebuilder {

    @Override
    public String rebuild(Map<String, List<Integer>> invertedIndex) {
        if (invertedIndex == null || invertedIndex.isEmpty()) {
            return "";
        }
        // A TreeMap keeps the positions sorted; positions nobody claims simply do not appear.
        SortedMap<Integer, String> byPosition = new TreeMap<>();
        invertedIndex.forEach((word, positions) -> positions.forEach(position -> byPosition.put(position, word)));
        return String.join(" ", byPosition.values());
    }
}
