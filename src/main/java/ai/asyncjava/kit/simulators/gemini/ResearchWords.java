package ai.asyncjava.kit.simulators.gemini;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words the research script builds its searches from: a question's content words, and the telling words of returned works. */
final class ResearchWords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'-]*[\\p{L}\\p{N}]|[\\p{L}]");

    /** Words that say nothing about a question's subject. */
    private static final Set<String> QUESTION_NOISE = Set.copyOf(List.of(
            "a", "about", "affect", "affects", "an", "and", "any", "are", "as", "at", "be", "between", "by", "can",
            "could", "did", "do", "does", "explain", "for", "from", "has", "have", "how", "i", "impact", "impacts",
            "in", "influence", "influences", "into", "is", "it", "its", "me", "might", "much", "many", "my", "of",
            "on", "or", "our", "play", "plays", "relate", "relates", "role", "should", "so", "tell", "than", "that",
            "the", "their", "there", "these", "this", "those", "to", "us", "was", "we", "were", "what", "when",
            "where", "which", "who", "why", "will", "with", "would", "you", "known", "know", "current", "evidence",
            "research", "literature", "studies", "say", "shape", "shapes", "work", "works", "effect", "effects"));

    /** Words of four letters or more that abstracts use whatever their subject. */
    private static final Set<String> ABSTRACT_NOISE = Set.copyOf(List.of(
            "about", "above", "across", "additionally", "after", "again", "against", "also", "although", "among",
            "analysis", "analyzed", "another", "approach", "article", "associated", "association", "available",
            "based", "because", "been", "before", "being", "below", "between", "both", "cannot", "compared",
            "conclusion", "conclusions", "could", "current", "data", "demonstrate", "demonstrated", "different",
            "does", "during", "each", "either", "evidence", "examined", "factors", "findings", "first", "found",
            "from", "further", "given", "have", "having", "here", "high", "higher", "however", "important",
            "improve", "improved", "include", "included", "including", "increase", "increased", "into", "investigate",
            "investigated", "itself", "known", "large", "less", "level", "levels", "likely", "lower", "many",
            "may", "method", "methods", "more", "most", "much", "must", "novel", "often", "only", "other", "others",
            "over", "paper", "participants", "potential", "present", "provide", "provides", "rather", "recent",
            "reduced", "related", "report", "reported", "research", "result", "results", "review", "same",
            "several", "show", "showed", "shown", "shows", "significant", "significantly", "since", "some", "still",
            "studies", "study", "such", "suggest", "suggests", "than", "that", "their", "them", "then", "there",
            "therefore", "these", "they", "this", "those", "through", "thus", "total", "under", "understanding",
            "until", "upon", "used", "using", "various", "very", "well", "were", "what", "when", "where", "whether",
            "which", "while", "whose", "with", "within", "without", "would", "years", "your", "role", "effect",
            "effects", "examine", "explore", "explored", "aims", "aimed", "objective", "background", "overall",
            "whereas", "work", "works", "toward", "towards", "evaluate", "evaluated"));

    private ResearchWords() {
    }

    /** The words of {@code text}, lower case, punctuation dropped, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The content words of a question, each once, in order. */
    static List<String> questionWords(String question) {
        Set<String> kept = new LinkedHashSet<>();
        for (String word : words(question)) {
            if (!QUESTION_NOISE.contains(word)) {
                kept.add(word);
            }
        }
        return List.copyOf(kept);
    }

    /** A word's key for "the same word": lower case, a plural {@code s} dropped. */
    static String stem(String word) {
        return word.length() > 4 && word.endsWith("s") && !word.endsWith("ss")
                ? word.substring(0, word.length() - 1) : word;
    }

    /**
     * The {@code limit} words that most of {@code texts} use (each text counts a word once), longer
     * than three letters and not among {@code excluded} (compared by stem); ties go alphabetically,
     * so the order the texts come in does not matter.
     */
    static List<String> telling(Collection<String> texts, Set<String> excluded, int limit) {
        Set<String> excludedStems = new LinkedHashSet<>();
        excluded.forEach(w -> excludedStems.add(stem(w)));
        Map<String, Integer> documents = new HashMap<>();
        Map<String, String> spelling = new HashMap<>();
        for (String text : texts) {
            Set<String> seen = new LinkedHashSet<>();
            for (String word : words(text)) {
                String stem = stem(word);
                if (word.length() > 3 && !ABSTRACT_NOISE.contains(word) && !ABSTRACT_NOISE.contains(stem)
                        && !excludedStems.contains(stem) && word.chars().allMatch(c -> Character.isLetter(c) || c == '-')
                        && seen.add(stem)) {
                    documents.merge(stem, 1, Integer::sum);
                    spelling.merge(stem, word, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        return documents.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> spelling.get(e.getKey()))
                .toList();
    }
}
