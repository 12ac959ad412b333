package ai.asyncjava.kit.simulators.retrieval;

import java.util.List;

/**
 * One document of a fused ranking.
 *
 * @param id    the document's id
 * @param score its reciprocal-rank-fusion score: the sum over the rankings it is in of
 *              {@code 1 / (k + rank)}, ranks counted from 1
 * @param ranks its rank in each ranking fused, in the order they were given; 0 where it is absent
 */
public record FusedHit(String id, double score, List<Integer> ranks) {

    public FusedHit {
        ranks = List.copyOf(ranks);
    }
}
