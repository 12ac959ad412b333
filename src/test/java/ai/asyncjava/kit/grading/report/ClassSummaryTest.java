package ai.asyncjava.kit.grading.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassSummaryTest {

    @Test
    void studentsDownChaptersAcrossTotalsBelow() {
        String summary = ClassSummary.render(SampleGrades.batch(), List.of("01", "02"));
        assertEquals("""
                student  01             02
                alice    3/4            2/5 compile-error
                bob      missing        missing
                carol    out-of-memory  missing
                Dave     missing        2/2
                Totals: 4 submissions, 1 with full marks, 1 partly graded, 5 not graded (4 missing, 1 out-of-memory)
                """, summary);
        assertTrue(summary.chars().allMatch(c -> c < 128), "plain ASCII");
    }

    @Test
    void anEmptyBatchStillHasItsHeaderAndTotals() {
        assertEquals("""
                student  01
                Totals: 0 submissions, 0 with full marks, 0 not graded
                """, ClassSummary.render(List.of(), List.of("01")));
    }
}
