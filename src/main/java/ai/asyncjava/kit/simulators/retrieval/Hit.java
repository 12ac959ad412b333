package ai.asyncjava.kit.simulators.retrieval;

import java.util.List;

/**
 * One result of a search, as both services send it: {@code {"id": …, "score": …, "text": …}}.
 *
 * @param id    the document's id ({@code W…})
 * @param score cosine similarity (vector search, at most 1) or BM25 relevance (keyword search);
 *              the two scales cannot be compared, which is why results are fused by rank
 * @param text  the document's text: title, line break, abstract
 */
public record Hit(String id, double score, String text) {

    /** The ids of {@code hits}, in order: what {@link ReciprocalRankFusion} takes. */
    public static List<String> ids(List<Hit> hits) {
        return hits.stream().map(Hit::id).toList();
    }
}
