package ai.asyncjava.kit.simulators.works;

import java.util.List;

/**
 * One page of a listing, exactly as {@code /works} answers it.
 *
 * @param count   how many works match in all (OpenAlex's {@code meta.count})
 * @param page    the page, from 1
 * @param perPage the page size
 * @param hits    this page's works, in order
 */
public record SearchResult(int count, int page, int perPage, List<Hit> hits) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /**
     * A work on the page.
     *
     * @param work           the work
     * @param relevanceScore its {@code relevance_score}; {@code NaN} when the listing had no search
     */
    public record Hit(Work work, double relevanceScore) {
        /** True when the answer carries a {@code relevance_score} (there was a search). */
        public boolean hasRelevance() {
            return !Double.isNaN(relevanceScore);
        }
    }

    /** This page's works, in order. */
    public List<Work> works() {
        return hits.stream().map(Hit::work).toList();
    }

    /** This page's OpenAlex IDs, in order. */
    public List<String> ids() {
        return hits.stream().map(h -> h.work().id()).toList();
    }
}
