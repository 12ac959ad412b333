package ai.asyncjava.kit.exercises.ch03;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A CPU-bound step for the pipeline's Going further: count the words of a text. Counting is pure
 * computation, so it belongs on a pool of platform threads, not on the virtual threads that wait
 * for the network.
 */
@FunctionalInterface
public interface WordCounter {

    /** How often each word occurs in {@code text}. */
    Map<String, Integer> count(String text);

    /**
     * The plain counter: words are runs of letters and digits, compared in lower case
     * ("2 times 12 is 24" has the words 2, times, 12, is, 24).
     */
    static WordCounter plain() {
        return text -> {
            Map<String, Integer> counts = new HashMap<>();
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
            return counts;
        };
    }
}
