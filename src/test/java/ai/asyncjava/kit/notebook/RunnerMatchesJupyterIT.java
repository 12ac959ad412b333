package ai.asyncjava.kit.notebook;

import static ai.asyncjava.kit.notebook.TestNotebooks.courseRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless runner must behave like the real kernel on the course's notebooks: every
 * learner and solution notebook runs through both (real Jupyter with the course kernel that
 * {@code ./course setup} installed), and every cell must succeed in Jupyter and produce the
 * same kinds of output in both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunnerMatchesJupyterIT {

    private static final Duration CELL_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path work;

    /** Each notebook is executed in Jupyter once, however many tests look at it. */
    private final ConcurrentHashMap<Path, Notebook> inJupyter = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsAlikeInTheRunnerAndInJupyter() throws IOException {
        List<Path> notebooks = new ArrayList<>();
        for (String folder : List.of("notebooks", "solutions/notebooks")) {
            try (Stream<Path> files = Files.list(courseRoot().resolve(folder))) {
                files.filter(f -> f.toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
            }
        }
        assertFalse(notebooks.isEmpty(), "the course has notebooks");
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(
                courseRoot().relativize(notebook).toString(), () -> compare(notebook)));
    }

    @Test
    void solutionNotebookPassesItsChecksInJupyter() {
        Notebook executed = executedInJupyter(courseRoot().resolve("solutions/notebooks/00-the-basics.ipynb"));

        String report = textOfCellWith(executed, "Chapter00.checkFanOut");
        assertTrue(report.contains("all 4 checks passed"), report);
    }

    @Test
    void learnerNotebookRunsToTheEndInJupyterWithFailingChecksThatSayWhy() {
        Notebook executed = executedInJupyter(courseRoot().resolve("notebooks/00-the-basics.ipynb"));

        String report = textOfCellWith(executed, "Chapter00.checkFanOut");
        assertTrue(report.contains("1 of 4 checks passed"), report);
    }

    /** Runs {@code notebook} through both and compares them cell by cell. */
    private void compare(Path notebook) {
        Notebook byRunner = new NotebookRunner(NotebookRunner.Options.defaults()).run(Notebook.read(notebook)).executed();
        Notebook byJupyter = executedInJupyter(notebook);

        List<ObjectNode> runnerCells = byRunner.cells();
        List<ObjectNode> jupyterCells = byJupyter.cells();
        assertEquals(runnerCells.size(), jupyterCells.size());
        for (int i = 0; i < runnerCells.size(); i++) {
            ObjectNode jupyterCell = jupyterCells.get(i);
            List<String> runnerKinds = mergeRepeats(TestNotebooks.kinds(runnerCells.get(i).path("outputs")));
            List<String> jupyterKinds = mergeRepeats(TestNotebooks.kinds(jupyterCell.path("outputs")));
            String where = notebook.getFileName() + ", cell " + i + ":\n" + Notebook.source(runnerCells.get(i));
            assertFalse(jupyterKinds.contains("error"), () -> "fails in Jupyter: " + where + "\n"
                    + TestNotebooks.text(jupyterCell.path("outputs")));
            assertEquals(jupyterKinds, runnerKinds, where);
        }
    }

    private Notebook executedInJupyter(Path notebook) {
        return inJupyter.computeIfAbsent(notebook, file -> {
            Path outDir = work.resolve("jupyter").resolve(courseRoot().relativize(file.getParent()));
            return new NbconvertExecutor(KernelUnderTest.jupyter(), null)
                    .execute(file, KernelUnderTest.courseKernelName(), outDir, CELL_TIMEOUT);
        });
    }

    /** IJava prints a long output in several chunks; the runner in one. Both are "some stdout". */
    private static List<String> mergeRepeats(List<String> kinds) {
        List<String> merged = new ArrayList<>();
        for (String kind : kinds) {
            if (merged.isEmpty() || !merged.getLast().equals(kind)) {
                merged.add(kind);
            }
        }
        return merged;
    }

    private static String textOfCellWith(Notebook notebook, String source) {
        return notebook.cells().stream().filter(cell -> Notebook.source(cell).contains(source))
                .map(cell -> TestNotebooks.text(cell.get("outputs"))).findFirst().orElseThrow();
    }
}
