package ai.asyncjava.kit.simulators.works;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the search reads text, on both sides (works and queries): split on anything that is not a
 * letter or digit, lower-case, keep stop words in place (phrases need their positions) but never
 * score them, and a light stemming that drops plurals, so "possums" finds "possum" as OpenAlex's does.
 */
final class Text {

    /** Lucene's English stop words, which OpenAlex's search removes too. */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
            "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
            "there", "these", "they", "this", "to", "was", "will", "with");

    private Text() {
    }

    /** The terms of {@code text} in order, stemmed; stop words are kept as they are. */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                terms.add(stem(text.substring(start, i).toLowerCase(Locale.ROOT)));
                start = -1;
            }
        }
        return terms;
    }

    /** True for a term that is never scored or matched on its own. */
    static boolean isStopWord(String term) {
        return STOP_WORDS.contains(term);
    }

    /** Drops a plural ending: studies → study, possums → possum; glass, virus and analysis stay. */
    static String stem(String word) {
        if (STOP_WORDS.contains(word) || word.length() <= 3) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
