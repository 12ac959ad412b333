package ai.asyncjava.kit.simulators.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reciprocal rank fusion (RRF), the truth a learner's fusion of the two searches is compared with.
 * Each document scores {@code 1 / (k + rank)} for each ranking it is in, ranks counted from 1,
 * and the fused ranking sorts documents by the sum. It uses ranks only, never the searches' own
 * scores, which have different scales (cosine similarity against BM25).
 * <p>
 * {@code k = 60} is the constant of Cormack, Clarke and Büttcher, "Reciprocal Rank Fusion
 * outperforms Condorcet and individual Rank Learning Methods", SIGIR 2009, pp. 758–759
 * (doi:10.1145/1571941.1572114), who found it near-best and not critical; Elasticsearch's
 * {@code rrf} retriever ({@code rank_constant}) and LanceDB's RRF reranker default to it too.
 * <p>
 * Documents with equal scores (say, one first in the vector results only and one first in the
 * keyword results only: both 1/61) are in the order they first appear, the first ranking read
 * from the top, then the second: what a stable sort of a {@code LinkedHashMap} filled in that
 * order gives. Other orders of tied documents are just as right; {@link #matchesUpToTies} accepts them.
 */
public final class ReciprocalRankFusion {

    /** The usual constant, from the RRF paper. */
    public static final int K = 60;

    /** Scores closer than this are taken as equal: sums of the same fractions added in another order. */
    private static final double TIE = 1e-12;

    private ReciprocalRankFusion() {
    }

    /** Fuses two rankings of ids (best first) with {@code k} = {@value #K}. */
    public static List<FusedHit> fuse(List<String> first, List<String> second) {
        return fuse(K, List.of(first, second));
    }

    /**
     * Fuses rankings of ids, each best first. An id that appears twice in one ranking counts at
     * its first (best) place only.
     *
     * @param k        the constant added to each rank; {@value #K} in the paper
     * @param rankings the rankings, in the order ties are broken by
     */
    public static List<FusedHit> fuse(int k, List<? extends List<String>> rankings) {
        if (k < 0) {
            throw new IllegalArgumentException("the RRF constant k cannot be negative: " + k);
        }
        Map<String, int[]> ranksById = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<String> ranking = rankings.get(r);
            for (int position = 0; position < ranking.size(); position++) {
                int[] ranks = ranksById.computeIfAbsent(ranking.get(position), id -> new int[rankings.size()]);
                if (ranks[r] == 0) {
                    ranks[r] = position + 1;
                }
            }
        }
        List<FusedHit> fused = new ArrayList<>();
        ranksById.forEach((id, ranks) -> {
            double score = 0;
            for (int rank : ranks) {
                if (rank > 0) {
                    score += contribution(k, rank);
                }
            }
            fused.add(new FusedHit(id, score, Arrays.stream(ranks).boxed().toList()));
        });
        fused.sort(Comparator.comparingDouble(FusedHit::score).reversed()); // stable: ties keep first appearance
        return List.copyOf(fused);
    }

    /** What a document at {@code rank} (from 1) adds to its score: {@code 1 / (k + rank)}. */
    public static double contribution(int k, int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("ranks count from 1, not " + rank);
        }
        return 1.0 / (k + rank);
    }

    /** The ids of a fused ranking, in order. */
    public static List<String> ids(List<FusedHit> fused) {
        return fused.stream().map(FusedHit::id).toList();
    }

    /**
     * True when {@code candidate} is {@code fused}, or its first {@code candidate.size()} documents,
     * with documents of equal score in any order among themselves (where the cut falls inside a
     * group of ties, any of that group may fill the last places).
     */
    public static boolean matchesUpToTies(List<String> candidate, List<FusedHit> fused) {
        if (candidate.size() > fused.size() || new HashSet<>(candidate).size() != candidate.size()) {
            return false;
        }
        int start = 0;
        while (start < candidate.size()) {
            int end = start + 1;
            while (end < fused.size() && Math.abs(fused.get(end).score() - fused.get(start).score()) < TIE) {
                end++;
            }
            Set<String> group = new HashSet<>(ids(fused.subList(start, end)));
            for (String id : candidate.subList(start, Math.min(end, candidate.size()))) {
                if (!group.contains(id)) {
                    return false;
                }
            }
            start = end;
        }
        return true;
    }
}
