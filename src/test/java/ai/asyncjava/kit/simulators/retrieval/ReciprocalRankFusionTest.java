package ai.asyncjava.kit.simulators.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fusion truth: the formula with k = 60, ranks from 1, ties, and comparing a learner's order with it. */
class ReciprocalRankFusionTest {

    @Test
    void eachDocumentScoresOneOverSixtyPlusItsRankInEachList() {
        List<FusedHit> fused = ReciprocalRankFusion.fuse(List.of("a", "b", "c"), List.of("c", "a", "d"));
        assertEquals(List.of("a", "c", "b", "d"), ReciprocalRankFusion.ids(fused));
        assertEquals(1.0 / 61 + 1.0 / 62, fused.get(0).score(), 1e-15);
        assertEquals(1.0 / 63 + 1.0 / 61, fused.get(1).score(), 1e-15);
        assertEquals(1.0 / 62, fused.get(2).score(), 1e-15);
        assertEquals(1.0 / 63, fused.get(3).score(), 1e-15);
        assertEquals(List.of(1, 2), fused.get(0).ranks());
        assertEquals(List.of(0, 3), fused.get(3).ranks(), "absent from the first list: rank 0 there");
        assertEquals(1.0 / 61, ReciprocalRankFusion.contribution(ReciprocalRankFusion.K, 1));
    }

    @Test
    void aDocumentInBothListsBeatsOneThatLeadsOnlyOne() {
        // 10th in both: 2/70 = 0.0286 > first in one: 1/61 = 0.0164. Agreement wins, as RRF intends.
        List<String> vector = List.of("v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "both");
        List<String> keyword = List.of("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "both");
        assertEquals("both", ReciprocalRankFusion.fuse(vector, keyword).getFirst().id());
        assertEquals("v1", ReciprocalRankFusion.fuse(0, List.of(vector, keyword)).getFirst().id(),
                "with k = 0 a single first place (1/1) outweighs two tenth places (2/10)");
    }

    @Test
    void tiesKeepTheOrderOfFirstAppearanceAndAnyOrderOfTiesMatches() {
        List<FusedHit> fused = ReciprocalRankFusion.fuse(List.of("x", "shared"), List.of("y", "shared", "z"));
        assertEquals(List.of("shared", "x", "y", "z"), ReciprocalRankFusion.ids(fused));
        assertEquals(fused.get(1).score(), fused.get(2).score(), "first in one list only: both 1/61");
        assertTrue(ReciprocalRankFusion.matchesUpToTies(List.of("shared", "x", "y", "z"), fused));
        assertTrue(ReciprocalRankFusion.matchesUpToTies(List.of("shared", "y", "x", "z"), fused), "tied x and y swapped");
        assertTrue(ReciprocalRankFusion.matchesUpToTies(List.of("shared", "y"), fused), "a cut inside the ties");
        assertTrue(ReciprocalRankFusion.matchesUpToTies(List.of(), fused));
        assertFalse(ReciprocalRankFusion.matchesUpToTies(List.of("x", "shared", "y", "z"), fused), "the shared one leads");
        assertFalse(ReciprocalRankFusion.matchesUpToTies(List.of("shared", "x", "z"), fused), "z is below y");
        assertFalse(ReciprocalRankFusion.matchesUpToTies(List.of("shared", "x", "x"), fused), "twice the same");
        assertFalse(ReciprocalRankFusion.matchesUpToTies(List.of("shared", "x", "y", "z", "w"), fused), "one too many");
    }

    @Test
    void aRepeatedIdCountsAtItsBestPlaceAndEmptyListsFuseToNothing() {
        List<FusedHit> fused = ReciprocalRankFusion.fuse(List.of("a", "b", "a"), List.of());
        assertEquals(List.of("a", "b"), ReciprocalRankFusion.ids(fused));
        assertEquals(1.0 / 61, fused.getFirst().score());
        assertEquals(List.of(), ReciprocalRankFusion.fuse(List.of(), List.of()));
        assertEquals(List.of("only"), ReciprocalRankFusion.ids(ReciprocalRankFusion.fuse(List.of(), List.of("only"))),
                "one search failed: the other's ranking stands");
        assertThrows(IllegalArgumentException.class, () -> ReciprocalRankFusion.contribution(60, 0));
    }

    @Test
    void theSimulatorsTruthFusesItsOwnSearches() {
        RetrievalIndex index = RetrievalIndex.build(1, 3000, RetrievalConfig.DEFAULT_DIMENSIONS);
        String query = "gut microbiome and depression";
        List<Hit> vector = index.vectorTop(index.embeddingOf(query), 20);
        List<Hit> keyword = index.keywordTop(query, 20);
        List<FusedHit> fused = ReciprocalRankFusion.fuse(Hit.ids(vector), Hit.ids(keyword));
        assertTrue(fused.size() >= 20 && fused.size() <= 40);
        for (FusedHit hit : fused) {
            int inVector = Hit.ids(vector).indexOf(hit.id()) + 1;
            int inKeyword = Hit.ids(keyword).indexOf(hit.id()) + 1;
            assertEquals(List.of(inVector, inKeyword), hit.ranks());
        }
    }
}
