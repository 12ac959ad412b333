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
        CommandRunner.Result result = CommandRunner.run(command, null, env, limit);
        Path executed = outDir.resolve(outName + ".ipynb");
        if (!result.succeeded() || !Files.isRegularFile(executed)) {
            throw new IllegalStateException("jupyter nbconvert could not execute " + notebook
                    + " with kernel " + kernelName + (result.timedOut() ? " (timed out)" : "")
                    + ":\n" + result.tail(80));
        }
        return Notebook.read(executed);
    }

    private static int countCells(Path notebook) {
        return Notebook.read(notebook).cells().size();
    }
}
