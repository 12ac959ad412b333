package ai.asyncjava.kit.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

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
        int executionCount = 0;
        try (CellSession session = new CellSession(options.classPath())) {
            for (ObjectNode cell : executed.cells()) {
                if (!Notebook.isCode(cell) || Notebook.source(cell).isBlank()) {
                    continue;
                }
                executionCount++;
                CellSession.CellRun run = session.run(Notebook.source(cell), executionCount, CellScope.EVERYTHING,
                        options.cellTimeout());
                cell.set("outputs", run.outputsJson());
                cell.put("execution_count", executionCount);
                if (run.error().isPresent()) {
                    failures.add(new Failure(executionCount, run.error().get()));
                    if (!options.allowErrors() || run.sessionLost()) {
                        break;
                    }
                }
            }
        }
        return new Result(executed, List.copyOf(failures), executionCount);
    }
}
