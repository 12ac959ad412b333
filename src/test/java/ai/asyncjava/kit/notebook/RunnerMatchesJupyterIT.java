package ai.asyncjava.kit.notebook;

import static ai.asyncjava.kit.notebook.TestNotebooks.courseRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.checks.Tolerances;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless runner must behave like the real kernel on the course's notebooks: every
 * walkthrough (which {@code ./course notebooks} ran through the runner) runs again in real Jupyter
 * with the course kernel that {@code ./course setup} installed, and every cell must succeed there and
 * produce the same kinds of output in both. Every learner notebook runs in Jupyter to its end, with
 * no cell failing and check reports that say why the skeletons fail.
 *
 * <p>The learner notebooks are not also run by the runner: a walkthrough holds every cell of its
 * learner notebook but the skeletons, with the reference solutions in their place, so the runner is
 * compared with Jupyter on every kind of cell already; running the learner notebooks a second time,
 * one after another (the runner keeps one simulator per JVM), cost CI over five minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunnerMatchesJupyterIT {

    private static final Duration CELL_TIMEOUT = Duration.ofSeconds(120);

    /** Static, so it is there for {@code @BeforeAll}: an instance field is injected only later. */
    @TempDir
    static Path work;

    /** Each notebook's run in Jupyter, started before any test; tests wait for the ones they read. */
    private final Map<Path, CompletableFuture<Notebook>> inJupyter = new ConcurrentHashMap<>();

    private final List<ExecutorService> threads = new ArrayList<>();

    /**
     * Every run this class needs, planned to spend as few of CI's minutes as the checks allow.
     * First the learner notebooks, {@value #LEARNERS_AT_ONCE} at a time: their kernels mostly wait (on
     * simulated latency, and on skeletons' checks running into their limits), their checks fail anyway,
     * and a busier machine only makes a failing check fail later, so sharing the processors cannot
     * change what they show.
     * Then the solution notebooks, whose checks time things, {@value #SOLUTIONS_AT_ONCE} at a time
     * with the checks' allowances raised {@value #SLOWED_DOWN}×, the very condition under which every
     * chapter's proofs show its reference solutions pass (a grader running two JVMs at once).
     */
    @BeforeAll
    void startEveryRun() throws IOException {
        ExecutorService learnersInJupyter = threads("learner notebooks in Jupyter", LEARNERS_AT_ONCE);
        List<CompletableFuture<Notebook>> learnerRuns = new ArrayList<>();
        for (Path learner : longestFirst(notebooksIn("notebooks"))) {
            CompletableFuture<Notebook> jupyter = CompletableFuture.supplyAsync(
                    () -> executeInJupyter(learner, Map.of()), learnersInJupyter);
            inJupyter.put(learner, jupyter);
            learnerRuns.add(jupyter);
        }
        CompletableFuture<Void> learnersDone = CompletableFuture.allOf(learnerRuns.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null); // each failure is kept in its own future and reported by its test
        ExecutorService solutions = threads("solution notebooks in Jupyter", SOLUTIONS_AT_ONCE);
        Map<String, String> slowedDown = Map.of("JDK_JAVA_OPTIONS", jdkJavaOptionsWith(
                "-D" + Tolerances.SLOWDOWN_PROPERTY + "=" + SLOWED_DOWN));
        for (Path solution : longestFirst(notebooksIn("solutions/notebooks"))) {
            inJupyter.put(solution, learnersDone.thenApplyAsync(done -> executeInJupyter(solution, slowedDown), solutions));
        }
    }

    @AfterAll
    void stopTheThreads() {
        threads.forEach(ExecutorService::shutdownNow);
    }

    private static final int LEARNERS_AT_ONCE = 4;
    private static final int SOLUTIONS_AT_ONCE = 2;
    private static final String SLOWED_DOWN = "2";

    private ExecutorService threads(String name, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(count, Thread.ofPlatform().name(name + " ", 1).daemon().factory());
        threads.add(pool);
        return pool;
    }

    /** The JVM options the kernel's java launcher picks up: any already set, and {@code option}. */
    private static String jdkJavaOptionsWith(String option) {
        String existing = System.getenv("JDK_JAVA_OPTIONS");
        return existing == null || existing.isBlank() ? option : existing + " " + option;
    }

    @TestFactory
    Stream<DynamicTest> everyWalkthroughRunsAlikeInTheRunnerAndInJupyter() throws IOException {
        List<Path> notebooks = notebooksIn("solutions/notebooks");
        assertFalse(notebooks.isEmpty(), "the course has walkthroughs");
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(
                courseRoot().relativize(notebook).toString(), () -> compare(notebook)));
    }

    /** The setup check, on the course kernel: what the README says it proves, it proves. */
    @Test
    void theSetupCheckProvesTheEnvironmentInJupyter() throws IOException {
        SetupCheckNotebookIT.assertProvesTheEnvironment(executedInJupyter(courseRoot().resolve("notebooks")
                .resolve(SETUP_CHECK)));
    }

    /** Every learner notebook runs to its end in Jupyter: no cell fails, skeletons and all. */
    @TestFactory
    Stream<DynamicTest> everyLearnerNotebookRunsInJupyterWithoutAFailingCell() throws IOException {
        return notebooksIn("notebooks").stream().map(notebook -> DynamicTest.dynamicTest(
                courseRoot().relativize(notebook).toString(), () -> {
                    List<ObjectNode> cells = executedInJupyter(notebook).cells();
                    for (int i = 0; i < cells.size(); i++) {
                        ObjectNode cell = cells.get(i);
                        int index = i;
                        assertFalse(TestNotebooks.kinds(cell.path("outputs")).contains("error"), () -> "fails in Jupyter: "
                                + notebook.getFileName() + ", cell " + index + ":\n" + Notebook.source(cell) + "\n"
                                + TestNotebooks.text(cell.path("outputs")));
                    }
                }));
    }

    /**
     * Every check cell of every solution notebook reports that all its checks passed, in Jupyter;
     * the setup check's report shows its one failing row, as in the learner's copy.
     */
    @TestFactory
    Stream<DynamicTest> solutionNotebooksPassEveryCheckInJupyter() throws IOException {
        return checkCells("solutions/notebooks", (notebook, report) -> {
            if (notebook.startsWith(SETUP_CHECK + " ")) {
                assertSetupCheckReport(notebook, report);
                return;
            }
            assertTrue(ALL_PASSED.matcher(report).find(), () -> notebook + ": a check cell did not pass:\n" + report);
        });
    }

    /**
     * Every check cell of every learner notebook runs, in Jupyter, and reports failing checks
     * (the skeletons are not solutions) with a reason for each. The setup check's class is
     * written in the notebook: correct but for one thing, so exactly one check fails.
     */
    @TestFactory
    Stream<DynamicTest> learnerNotebooksRunToTheEndWithFailingChecksThatSayWhy() throws IOException {
        return checkCells("notebooks", (notebook, report) -> {
            if (notebook.startsWith(SETUP_CHECK + " ")) {
                assertSetupCheckReport(notebook, report);
                return;
            }
            if (GIVEN_CLASS_CHECKED.matcher(notebook).find()) {
                // Chapter 03 gives its shard reader and writer; their checks pass until a rewrite.
                assertTrue(ALL_PASSED.matcher(report).find(), () -> notebook + ": a given class fails its checks:\n" + report);
                return;
            }
            assertTrue(SOME_FAILED.matcher(report).find(), () -> notebook + ": a skeleton passes its checks:\n" + report);
            assertFalse(ALL_PASSED.matcher(report).find(), () -> notebook + ": " + report);
        });
    }

    /** The notebook that proves a learner's setup, with a check of its own. */
    private static final String SETUP_CHECK = "00-setup-check.ipynb";

    /** The setup check runs chapter 00's checks on a one-after-another fan-out: 3 of 4 pass. */
    private static void assertSetupCheckReport(String notebook, String report) {
        assertTrue(report.contains("3 of 4 checks passed") && report.contains("in flight"),
                () -> notebook + ": the setup check's report should show 3 of 4 checks passed and why one failed:\n"
                        + report);
    }

    /** A check cell of a class the notebook gives finished (chapter 03's reader and writer). */
    private static final Pattern GIVEN_CLASS_CHECKED =
            Pattern.compile("Chapter03\\.check(Source|ShardWriter)\\(");

    private static final Pattern CHECK_CALL = Pattern.compile("\\bChapter\\d\\d\\.check\\w+\\(");
    private static final Pattern ALL_PASSED = Pattern.compile("all \\d+ checks passed");
    private static final Pattern SOME_FAILED = Pattern.compile("\\d+ of \\d+ checks passed");

    /** One test per notebook in {@code folder} that has check cells, asserting on each cell's report. */
    private Stream<DynamicTest> checkCells(String folder, BiConsumer<String, String> assertReport) throws IOException {
        return notebooksIn(folder).stream()
                .filter(notebook -> Notebook.read(notebook).cells().stream()
                        .anyMatch(cell -> CHECK_CALL.matcher(Notebook.source(cell)).find()))
                .map(notebook -> DynamicTest.dynamicTest(courseRoot().relativize(notebook).toString(), () -> {
                    Notebook executed = executedInJupyter(notebook);
                    List<ObjectNode> checkCells = executed.cells().stream()
                            .filter(cell -> CHECK_CALL.matcher(Notebook.source(cell)).find()).toList();
                    for (ObjectNode cell : checkCells) {
                        assertReport.accept(notebook.getFileName() + " cell \"" + Notebook.source(cell).strip() + "\"",
                                TestNotebooks.text(cell.get("outputs")));
                    }
                }));
    }

    /**
     * The notebooks in the order to start them: later chapters first, since they run longest
     * (in Jupyter, alone: the learner notebook of chapter 07 72 s, of 04 48 s, of 05 28 s; 00 to 03
     * and 06 15 to 23 s). Started last, chapter 07 ran almost alone at the end of its phase.
     */
    private static List<Path> longestFirst(List<Path> notebooks) {
        return notebooks.reversed();
    }

    private static List<Path> notebooksIn(String folder) throws IOException {
        try (Stream<Path> files = Files.list(courseRoot().resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /** Compares a walkthrough as the runner ran it with its run in Jupyter, cell by cell. */
    private void compare(Path notebook) {
        // ./course notebooks wrote the runner's outputs, and the freshness test holds its cells to the sources
        Notebook byRunner = Notebook.read(notebook);
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

    /** The notebook as Jupyter executed it (waiting for its run if need be). */
    private Notebook executedInJupyter(Path notebook) {
        return resultOf(inJupyter.get(notebook));
    }

    private static Notebook executeInJupyter(Path notebook, Map<String, String> environment) {
        Path outDir = work.resolve("jupyter").resolve(courseRoot().relativize(notebook.getParent()));
        return new NbconvertExecutor(KernelUnderTest.jupyter(), null)
                .execute(notebook, KernelUnderTest.courseKernelName(), outDir, CELL_TIMEOUT, environment);
    }

    /** The notebook, or what its execution threw, as it was thrown. */
    private static Notebook resultOf(CompletableFuture<Notebook> execution) {
        try {
            return execution.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
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
}
