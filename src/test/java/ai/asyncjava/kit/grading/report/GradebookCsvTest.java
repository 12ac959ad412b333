package ai.asyncjava.kit.grading.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.grading.GradeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookCsvTest {

    @TempDir
    Path dir;

    @Test
    void headerIsExactlyTheGradebooksColumns() throws IOException {
        Path file = dir.resolve("out/gradebook.csv"); // the folder does not exist yet
        GradebookCsv.write(file, SampleGrades.batch());
        assertEquals("student,chapter,exercise,passed,total,score,status,reason", Files.readAllLines(file).get(0));
        assertFalse(Files.exists(dir.resolve("out/gradebook.csv.partial")));
    }

    @Test
    void oneRowPerExerciseSortedByStudentChapterAndNotebookOrder() {
        Path file = dir.resolve("gradebook.csv");
        GradebookCsv.write(file, SampleGrades.batch());
        List<String> keys = GradebookCsv.read(file).stream()
                .map(row -> row.student() + " " + row.chapter() + " " + row.exercise()).toList();
        assertEquals(List.of(
                "alice 01 lifecycle",
                "alice 02 sliding-window", // the notebook's order, not the ids'
                "alice 02 fan-out",
                "bob 02 sliding-window",
                "bob 02 fan-out",
                "carol 01 lifecycle",
                "Dave 02 sliding-window"), keys);
    }

    @Test
    void scoresHaveTwoDecimalsAndAPointInAnyLocale() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // would write 0,75
        try {
            Path file = dir.resolve("gradebook.csv");
            GradebookCsv.write(file, SampleGrades.batch());
            String text = Files.readString(file);
            assertTrue(text.contains("\nalice,01,lifecycle,3,4,0.75,graded,1 check failed\n"), text);
            assertTrue(text.contains(",2,3,0.67,graded,"), text);
            assertTrue(text.contains("\nbob,02,fan-out,0,2,0.00,missing,"), text);
            assertTrue(text.contains(",2,2,1.00,graded,\n"), text);
            List<GradebookRow> rows = GradebookCsv.read(file);
            assertEquals(0.75, rows.get(0).score());
            assertEquals(0.67, rows.get(1).score());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void reasonsWithCommasQuotesAndNewLinesComeBackWhole() throws IOException {
        Path file = dir.resolve("gradebook.csv");
        GradebookCsv.write(file, SampleGrades.batch());
        assertTrue(Files.readString(file).contains("\"cannot find symbol, \"\"client\"\" <script>"), "quoted, quotes doubled");
        GradebookRow fanOut = GradebookCsv.read(file).get(2);
        assertEquals(SampleGrades.NASTY_REASON, fanOut.reason());
        assertEquals(GradeStatus.COMPILE_ERROR, fanOut.status());
        assertEquals(0, fanOut.passed());
        assertEquals(2, fanOut.total());
    }

    @Test
    void rowsReadBackCanBeWrittenAgainUnchanged() throws IOException {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        GradebookCsv.write(first, SampleGrades.batch());
        GradebookCsv.writeRows(second, GradebookCsv.read(first));
        assertEquals(Files.readString(first), Files.readString(second));
    }

    @Test
    void anEmptyBatchIsAHeaderAlone() {
        Path file = dir.resolve("gradebook.csv");
        GradebookCsv.write(file, List.of());
        assertEquals(List.of(), GradebookCsv.read(file));
    }

    @Test
    void readRefusesAFileThatIsNotAGradebook() throws IOException {
        Path file = Files.writeString(dir.resolve("other.csv"), "name,mark\nalice,3\n");
        assertThrows(IllegalArgumentException.class, () -> GradebookCsv.read(file));
        Path bad = Files.writeString(dir.resolve("bad.csv"),
                "student,chapter,exercise,passed,total,score,status,reason\nalice,01,x,1,2,0.50,great,\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradebookCsv.read(bad));
        assertTrue(e.getMessage().contains("great"), e.getMessage());
    }
}
