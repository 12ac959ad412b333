package ai.asyncjava.kit.simulators.works;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One generated scholarly work, the truth behind what the server sends: the abstract as plain text
 * here, as an inverted index on the wire ({@link #invertedIndex()}).
 *
 * @param id               the OpenAlex ID, {@code https://openalex.org/W} and 10 digits
 * @param title            the title (also the {@code display_name})
 * @param publicationYear  the year it was published
 * @param publicationDate  the day it was published, {@code yyyy-mm-dd}
 * @param citedByCount     how many works cite it
 * @param authors          the authors' names, first author first
 * @param source           the journal it appeared in
 * @param abstractText     the abstract: words separated by single spaces, punctuation attached
 * @param doi              its DOI as a URL, {@code https://doi.org/10.5555/…} (the DOI test prefix)
 * @param topic            which research theme of the corpus it belongs to, e.g. {@code gut-brain}
 * @param referencedWorks  the IDs of the corpus's works it cites
 */
public record Work(String id, String title, int publicationYear, String publicationDate, int citedByCount,
                   List<String> authors, String source, String abstractText, String doi, String topic,
                   List<String> referencedWorks) {

    /** The prefix of every OpenAlex ID. */
    public static final String ID_PREFIX = "https://openalex.org/";

    public Work {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        authors = List.copyOf(authors);
        referencedWorks = List.copyOf(referencedWorks);
        if (abstractText.isEmpty() || !abstractText.equals(abstractText.strip()) || abstractText.contains("  ")) {
            throw new IllegalArgumentException("an abstract is words separated by single spaces");
        }
    }

    /** The ID without its URL: {@code W2741809807}. */
    public String shortId() {
        return id.substring(ID_PREFIX.length());
    }

    /**
     * The abstract as OpenAlex sends it: each word (as written, punctuation included) mapped to
     * the positions where it stands, counting from 0, words in order of first appearance.
     * {@link Corpus#abstractText(Map)} turns it back into {@link #abstractText()}.
     */
    public Map<String, List<Integer>> invertedIndex() {
        Map<String, List<Integer>> index = new LinkedHashMap<>();
        String[] words = abstractText.split(" ");
        for (int position = 0; position < words.length; position++) {
            index.computeIfAbsent(words[position], w -> new ArrayList<>()).add(position);
        }
        index.replaceAll((w, positions) -> List.copyOf(positions));
        return index;
    }

    /** A short form for messages: the first author, the year and the title. */
    @Override
    public String toString() {
        String who = authors.isEmpty() ? "Anonymous" : authors.getFirst().substring(authors.getFirst().lastIndexOf(' ') + 1)
                + (authors.size() > 1 ? " et al." : "");
        return shortId() + " " + who + ", " + publicationYear + ": " + title;
    }
}
