package ai.asyncjava.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.notebook.Notebook;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the students and their notebooks: chapters from metadata, every unusable file named. */
class ClassFolderTest {

    @TempDir
    Path dir;

    private Path submissions() {
        return dir.resolve("submissions");
    }

    private ClassOfSubmissions made() {
        return new ClassOfSubmissions(submissions());
    }

    @Test
    void aFolderThatIsNotThereOrEmptySaysWhatWasExpected() throws Exception {
        String missing = assertThrows(GradingInputException.class,
                () -> ClassFolder.read(dir.resolve("nope"), dir)).getMessage();
        assertTrue(missing.contains("there is no folder") && missing.contains("nope"), missing);
        Files.createDirectories(submissions());
        String empty = assertThrows(GradingInputException.class, () -> ClassFolder.read(submissions(), dir)).getMessage();
        assertTrue(empty.contains("no submissions") && empty.contains("<student>.zip"), empty);
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertTrue(assertThrows(GradingInputException.class, () -> ClassFolder.read(file, dir)).getMessage()
                .contains("is a file"));
    }

    @Test
    void theChapterComesFromTheMetadataNotTheName() {
        ClassOfSubmissions made = made();
        made.hand("ann", "renamed.ipynb", made.skeleton("02"));
        made.handZip("bo", "whatever.ipynb", made.skeleton("03"));
        List<HandedIn> students = ClassFolder.read(submissions(), dir.resolve("scratch"));
        assertEquals(List.of("ann", "bo"), students.stream().map(HandedIn::student).toList());
        assertEquals("02", students.get(0).notebooks().getFirst().chapter().id());
        assertEquals("renamed.ipynb", students.get(0).notebooks().getFirst().fileName());
        assertEquals("03", students.get(1).notebooks().getFirst().chapter().id());
        assertEquals("bo.zip:whatever.ipynb", students.get(1).notebooks().getFirst().fileName());
    }

    @Test
    void unusableFilesAreProblemsWithReasons() throws Exception {
        ClassOfSubmissions made = made();
        made.handText("cat", "a.ipynb", "not json at all");
        made.handText("cat", "b.ipynb", "{\"nbformat\": 3, \"cells\": []}");
        Notebook noCourse = made.skeleton("00").copy();
        ((ObjectNode) noCourse.metadata()).remove("course");
        made.hand("cat", "c.ipynb", noCourse);
        Notebook future = made.skeleton("00").copy();
        ((ObjectNode) future.metadata().path("course")).put("chapter", "09");
        made.hand("cat", "d.ipynb", future);
        made.handBytes("dan.zip", new byte[] {1, 2, 3});
        Files.createDirectories(submissions().resolve("cat"));
        Files.write(submissions().resolve("cat").resolve("e.ipynb"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        List<HandedIn> students = ClassFolder.read(submissions(), dir.resolve("scratch"));
        List<String> reasons = students.getFirst().problems().stream().map(HandedIn.Problem::reason).toList();
        assertEquals(5, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains("a.ipynb is not valid JSON"), reasons.get(0));
        assertTrue(reasons.get(1).contains("nbformat 3"), reasons.get(1));
        assertTrue(reasons.get(2).contains("no course metadata"), reasons.get(2));
        assertTrue(reasons.get(3).contains("\"09\""), reasons.get(3));
        assertTrue(reasons.get(4).contains("UTF-8"), reasons.get(4));
        assertTrue(students.get(1).problems().getFirst().reason().contains("not a zip"),
                students.get(1).problems().toString());
    }

    @Test
    void aChapterHandedInTwiceIsGradedOnceAndSaysWhich() {
        ClassOfSubmissions made = made();
        made.hand("eli", "02-rate-limiters.ipynb", made.skeleton("02"));
        made.hand("eli", "02-rate-limiters-Copy1.ipynb", made.skeleton("02"));
        made.hand("eli", "00-setup-check.ipynb", setupCheck(made));
        HandedIn eli = ClassFolder.read(submissions(), dir.resolve("scratch")).getFirst();
        assertEquals(1, eli.notebooks().size());
        assertEquals("02-rate-limiters.ipynb", eli.notebooks().getFirst().fileName());
        assertTrue(eli.notes().stream().anyMatch(n -> n.contains("handed in twice")
                && n.contains("02-rate-limiters-Copy1.ipynb")), eli.notes().toString());
        assertTrue(eli.notes().stream().anyMatch(n -> n.contains("setup check")), eli.notes().toString());
    }

    private static Notebook setupCheck(ClassOfSubmissions made) {
        Notebook notebook = made.skeleton("00").copy();
        ((ObjectNode) notebook.metadata().path("course")).put("chapter", "setup");
        return notebook;
    }

    @Test
    void namesBecomeSafeFolderNames() {
        assertEquals("J_Doe_1_", ClassFolder.safe("J Doe/1\\"));
        assertEquals("_..", ClassFolder.safe(".."));
    }
}
