package ai.asyncjava.kit.notebook;

import ai.asyncjava.kit.course.Gemini;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.time.Duration;
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
 * A JShell inside this JVM that runs notebook cells one at a time, each within a time limit,
 * with what they print captured into the cell. The headless runner and the grader both run
 * cells through it.
 */
public final class CellSession implements AutoCloseable {

    /** How one cell went. */
    public record CellRun(int cell, Optional<CellError> error, Object value, boolean sessionLost,
                          CellOutputs outputs) {

        /** True when the cell did not compile (or used something that is not defined). */
        public boolean didNotCompile() {
            return error.filter(e -> e.name().equals(CellErrors.COMPILATION)).isPresent();
        }

        /** The outputs as nbformat JSON. */
        public ArrayNode outputsJson() {
            return outputs.toJson();
        }
    }

    /** A cell that outlives its time limit even after JShell was told to stop gets this long. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final CellOutputs[] current = new CellOutputs[1];
    private final PrintedText printed;
    private final JShellSession session;
    // One daemon thread runs the cells, so a cell that cannot be stopped does not keep the JVM alive.
    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "notebook cell");
        thread.setDaemon(true);
        return thread;
    });

    public CellSession(List<Path> classPath) {
        printed = new PrintedText(() -> current[0]);
        try {
            session = new JShellSession(classPath);
        } catch (RuntimeException e) {
            printed.close();
            cellThread.shutdownNow();
            throw e;
        }
    }

    /**
     * Runs {@code source} as cell number {@code cell} (the number its errors name); when it is
     * still running after {@code limit} it is stopped, and when even that fails the session is
     * lost: no further cell can run in it.
     */
    public CellRun run(String source, int cell, CellScope scope, Duration limit) {
        CellOutputs outputs = new CellOutputs(cell);
        current[0] = outputs;
        RunnerBridge.startCell(outputs);
        Future<Optional<CellError>> running = cellThread.submit(() -> session.run(source, cell, outputs, scope));
        Optional<CellError> error;
        boolean sessionLost = false;
        try {
            error = waitFor(running, limit);
        } catch (TimeoutException overran) {
            session.stop();
            boolean stopped;
            try {
                waitFor(running, STOP_WAIT);
                stopped = true;
            } catch (TimeoutException stillRunning) {
                stopped = false;
            }
            error = Optional.of(timedOut(cell, limit, stopped));
            sessionLost = !stopped;
        }
        System.out.flush();
        System.err.flush();
        error.ifPresent(outputs::error);
        return new CellRun(cell, error, outputs.value(), sessionLost, outputs);
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

    private static CellError timedOut(int cell, Duration limit, boolean stopped) {
        String seconds = String.format(Locale.ROOT, "%.0f", limit.toMillis() / 1000.0);
        String what = "did not finish within " + seconds + " s"
                + (stopped ? " and was stopped" : " and could not be stopped; the cells after it were not run");
        return new CellError(CellErrors.TIMEOUT, "cell " + cell + " " + what, List.of("Cell " + cell + " " + what));
    }

    @Override
    public void close() {
        RunnerBridge.startCell(null);
        current[0] = null;
        cellThread.shutdownNow();
        try {
            session.close();
        } finally {
            printed.close();
            // The kit's classes (and so the simulator) outlive the notebook's JShell; in Jupyter
            // each notebook has a JVM of its own, and here each starts afresh too.
            Gemini.stopSimulator();
        }
    }
}
