package ai.asyncjava.kit.exercises.ch07;

import java.net.URI;
import java.util.Objects;

/**
 * Where a RAG request's two searches live (the retrieval simulator, or your own services):
 * <ul>
 *   <li>the vector search answers {@code POST vectorSearch} with {@code {"embedding": [...], "top_k": 20}};</li>
 *   <li>the keyword search answers {@code GET keywordSearch?q=...&top_k=20};</li>
 * </ul>
 * both with {@code {"results": [{"id": "W…", "score": …, "text": "…"}, …]}}, best first.
 *
 * @param vectorSearch  the vector search's URL
 * @param keywordSearch the keyword search's URL
 */
public record SearchServices(URI vectorSearch, URI keywordSearch) {

    public SearchServices {
        Objects.requireNonNull(vectorSearch, "the vector search's URL");
        Objects.requireNonNull(keywordSearch, "the keyword search's URL");
    }
}
