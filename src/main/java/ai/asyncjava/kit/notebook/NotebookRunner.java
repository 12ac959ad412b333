package ai.asyncjava.kit.notebook;

import ai.asyncjava.kit.course.Gemini;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The headless runner: executes a notebook's code cells in order in a JShell inside this JVM
 * (as the Java kernels do), with the kit on the class path, and returns the executed copy
 * with each cell's outputs.
 */
public final class NotebookRunner {

    /** How the run went. {@code failures} is empty when every cell ran without error. */
    public record Result(Notebook executed, List<Failure> failures, int cellsRun) {
        public boolean succeeded() {
            return failures.isEmpty();
        }
    }

    /** A cell that failed: its number (as Jupyter counts code cells) and its error. */
    public record Failure(int cell, CellError error) {}

    /** What the runner may do. */
    public record Options(boolean allowErrors, Duration cellTimeout, List<Path> classPath) {

        /** Stop at the first failing cell, 10 minutes per cell, this JVM's class path. */
        public static Options defaults() {
            return new Options(false, Duration.ofMinutes(10), currentClassPath());
        }

        public Options allowingErrors(boolean allow) {
            return new Options(allow, cellTimeout, classPath);
        }

        public Options withCellTimeout(Duration timeout) {
            return new Options(allowErrors, timeout, classPath);
        }
    }

    /** A cell that outlives its time limit even after JShell was told to stop gets this long. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Options options;

    public NotebookRunner(Options options) {
        this.options = options;
    }

    /** The class path this JVM was started with, which holds the kit. */
    public static List<Path> currentClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).toList();
    }

    public Result run(Notebook notebook) {
        Notebook executed = notebook.withoutOutputs();
        List<Failure> failures = new java.util.ArrayList<>();
        CellOutputs[] current = new CellOutputs[1];
        int executionCount = 0;
        // One daemon thread runs the cells, so a cell that cannot be stopped does not keep the JVM alive.
        ExecutorService cellThread = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "notebook cell");
            thread.setDaemon(true);
            return thread;
        });
        try (PrintedText printed = new PrintedText(() -> current[0]);
             JShellSession session = new JShellSession(options.classPath())) {
            for (ObjectNode cell : executed.cells()) {
                if (!Notebook.isCode(cell) || Notebook.source(cell).isBlank()) {
                    continue;
                }
                executionCount++;
                CellOutputs outputs = new CellOutputs(executionCount);
                current[0] = outputs;
                RunnerBridge.startCell(outputs);
                Outcome outcome = runCell(session, cellThread, Notebook.source(cell), executionCount, outputs);
                System.out.flush();
                System.err.flush();
                cell.set("outputs", outputs.toJson());
                cell.put("execution_count", executionCount);
                if (outcome.error().isPresent()) {
                    failures.add(new Failure(executionCount, outcome.error().get()));
                    if (!options.allowErrors() || outcome.sessionLost()) {
                        break;
                    }
                }
            }
        } finally {
            RunnerBridge.startCell(null);
            cellThread.shutdownNow();
            // The kit's classes (and so the simulator) outlive the notebook's JShell; in Jupyter
            // each notebook has a JVM of its own, and here each starts afresh too.
            Gemini.stopSimulator();
        }
        return new Result(executed, List.copyOf(failures), executionCount);
    }

    /** A cell's error, and whether the session can go on after it. */
    private record Outcome(Optional<CellError> error, boolean sessionLost) {}

    private Outcome runCell(JShellSession session, ExecutorService cellThread, String source, int cellNumber,
                            CellOutputs outputs) {
        Future<Optional<CellError>> running = cellThread.submit(() -> session.run(source, cellNumber, outputs));
        Optional<CellError> error;
        boolean sessionLost = false;
        try {
            error = waitFor(running, options.cellTimeout());
        } catch (TimeoutException overran) {
            session.stop();
            boolean stopped;
            try {
                waitFor(running, STOP_WAIT);
                stopped = true;
            } catch (TimeoutException stillRunning) {
                stopped = false;
            }
            error = Optional.of(timedOut(cellNumber, stopped));
            sessionLost = !stopped;
        }
        error.ifPresent(outputs::error);
        return new Outcome(error, sessionLost);
    }

    private static Optional<CellError> waitFor(Future<Optional<CellError>> running, Duration limit)
            throws TimeoutException {
        try {
            return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running a cell", e);
        } catch (ExecutionException e) {
            // A failure of the runner itself rather than of the cell's code; still shown in the cell.
            String message = String.valueOf(e.getCause());
            return Optional.of(new CellError("RunnerError", message, List.of(message)));
        }
    }

    private CellError timedOut(int cell, boolean stopped) {
        String seconds = String.format(Locale.ROOT, "%.0f", options.cellTimeout().toMillis() / 1000.0);
        String what = "did not finish within " + seconds + " s"
                + (stopped ? " and was stopped" : " and could not be stopped; the cells after it were not run");
        return new CellError("TimeoutException", "cell " + cell + " " + what, List.of("Cell " + cell + " " + what));
    }
}
