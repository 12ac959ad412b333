package ai.asyncjava.kit.simulators.retrieval;

import java.util.Objects;

/**
 * One searchable document: a work of the works corpus, whole. The abstracts are one paragraph
 * of about a hundred words, well within what an embedding model takes at once, so there is no
 * chunking: a document is a work, and both services answer with the same ids, which is what
 * fusing their two rankings by id needs.
 *
 * @param id    the work's short OpenAlex ID, {@code W} and 10 digits
 * @param title the work's title
 * @param text  what is searched, embedded and returned: the title, a line break, the abstract
 */
public record Document(String id, String title, String text) {

    public Document {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(text);
    }

    /** The text of a work: its title, a line break, its abstract. */
    static String textOf(String title, String abstractText) {
        return title + "\n" + abstractText;
    }
}
