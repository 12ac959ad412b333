package ai.asyncjava.kit.exercises.ch06;

import java.util.List;
import java.util.Map;

/**
 * Turns an abstract in OpenAlex's inverted-index form back into text. The API never sends an
 * abstract as text: it sends each word with the positions it stands at, {@code {"the": [0, 4],
 * "gut": [1], ...}}, and the text is the words in position order, joined by single spaces. A
 * position that no word claims is left out (no double space, no placeholder), and an empty or
 * missing index is the empty string.
 */
@FunctionalInterface
public interface AbstractRebuilder {

    /** The abstract's text; {@code ""} for {@code null} or an empty index. */
    String rebuild(Map<String, List<Integer>> invertedIndex);
}
