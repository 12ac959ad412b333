package ai.asyncjava.kit.notebook;

import ai.asyncjava.kit.TestFiles;
import static ai.asyncjava.kit.notebook.TestNotebooks.courseRoot;
import static ai.asyncjava.kit.notebook.TestNotebooks.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course's own notebooks: learner notebooks, solution notebooks, and how they relate. */
class ChapterNotebooksTest {

    private final SolutionNotebooks solutions = new SolutionNotebooks(courseRoot());

    @Test
    void learnerNotebooksAreCommittedWithoutOutputs() {
        List<Path> notebooks = solutions.learnerNotebooks();
        assertFalse(notebooks.isEmpty());
        for (Path notebook : notebooks) {
            assertFalse(Notebook.read(notebook).hasOutputs(), notebook + " has outputs; clear them before committing");
        }
    }

    @Test
    void solutionNotebooksAreUpToDate() {
        assertEquals(List.of(), solutions.check(), "run ./course notebooks");
    }

    @Test
    void learnerNotebookRunsToTheEndAndItsCheckNamesWhatIsMissing() {
        Path chapter = courseRoot().resolve("notebooks/00-the-basics.ipynb");

        NotebookRunner.Result result = new NotebookRunner(NotebookRunner.Options.defaults()).run(Notebook.read(chapter));

        assertTrue(result.succeeded(), () -> result.failures().toString());
        String report = outputsOfCellWith(result.executed(), "Chapter00.checkFanOut");
        assertTrue(report.contains("1 of 4 checks passed"), report);
        assertTrue(report.contains("✘ has every call in flight at the same time\n      callAll never called the service."), report);
    }

    @Test
    void anEndlessLoopFailsItsCheckAndTheNotebookGoesOn() {
        Notebook notebook = Notebook.read(courseRoot().resolve("notebooks/00-the-basics.ipynb"));
        ObjectNode skeleton = skeletonCell(notebook);
        // A learner's loop that swallows interrupts: the harness cannot stop it.
        Notebook.setSource(skeleton, Notebook.source(skeleton).replace("return List.of();",
                "while (true) { try { Thread.sleep(50); } catch (InterruptedException ignored) { } }"));
        removeCellsWithSource(notebook, "new VirtualThreadFanOut().callAll");
        Notebook withFollowUp = appendCell(notebook, "System.out.println(\"still usable\");");

        NotebookRunner.Result result = new NotebookRunner(NotebookRunner.Options.defaults()).run(withFollowUp);

        assertTrue(result.succeeded(), () -> result.failures().toString());
        String report = outputsOfCellWith(result.executed(), "Chapter00.checkFanOut");
        assertTrue(report.contains("Did not finish within 3.0 s"), report);
        assertTrue(report.contains("Restart the kernel"), report);
        assertEquals("still usable\n", outputsOfCellWith(result.executed(), "still usable"));
    }

    @Test
    void checkFailsAfterAReferenceSolutionChanges(@TempDir Path copy) throws IOException {
        Path root = courseRoot();
        TestFiles.copyTree(root.resolve("notebooks"), copy.resolve("notebooks"));
        TestFiles.copyTree(root.resolve("solutions/notebooks"), copy.resolve("solutions/notebooks"));
        TestFiles.copyTree(root.resolve("solutions/src/main/java"), copy.resolve("solutions/src/main/java"));
        SolutionNotebooks copied = new SolutionNotebooks(copy);
        assertEquals(List.of(), copied.check());

        Path reference = ReferenceSource.file(copy, "ai.asyncjava.solutions.ch00.VirtualThreadFanOut");
        Files.writeString(reference, Files.readString(reference).replace("answers.add(call.get());",
                "answers.add(call.get()); // edited"));

        List<String> problems = copied.check();
        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().contains("00-the-basics.ipynb differs from"), problems.getFirst());
    }

    @Test
    void referenceSourceDropsThePackageLineAndKeepsImports() {
        String source = ReferenceSource.of(courseRoot(), "ai.asyncjava.solutions.ch00.VirtualThreadFanOut");

        assertTrue(source.startsWith("import ai.asyncjava.kit.exercises.ch00.FanOut;"), source);
        assertFalse(source.contains("package "));
    }

    private static String outputsOfCellWith(Notebook executed, String source) {
        return executed.cells().stream().filter(cell -> Notebook.source(cell).contains(source))
                .map(cell -> text(cell.get("outputs"))).findFirst().orElseThrow();
    }

    private static ObjectNode skeletonCell(Notebook notebook) {
        return notebook.cells().stream()
                .filter(cell -> cell.path("metadata").path("course").has("solution")).findFirst().orElseThrow();
    }

    private static void removeCellsWithSource(Notebook notebook, String text) {
        List<ObjectNode> cells = notebook.cells();
        cells.removeIf(cell -> Notebook.source(cell).contains(text));
        notebook.setCells(cells);
    }

    private static Notebook appendCell(Notebook notebook, String source) {
        Notebook extra = TestNotebooks.ofCells(source);
        List<ObjectNode> cells = notebook.cells();
        cells.addAll(extra.cells());
        notebook.setCells(cells);
        return notebook;
    }
}
