package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.notebook.Notebook;
import ai.asyncjava.kit.notebook.NotebookRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a notebook without Jupyter and writes the executed copy. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a notebook headless (JShell + kit); write the executed copy.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "the .ipynb file to run")
    Path notebook;

    @Option(names = "--out", paramLabel = "FILE",
            description = "where to write the executed notebook (default: NAME.executed.ipynb beside it)")
    Path out;

    @Option(names = "--allow-errors", description = "run every cell even after one fails; still exit 1 if any failed")
    boolean allowErrors;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "600",
            description = "seconds one cell may run (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() {
        NotebookRunner.Options options = NotebookRunner.Options.defaults()
                .allowingErrors(allowErrors)
                .withCellTimeout(Duration.ofSeconds(timeoutSeconds));
        NotebookRunner.Result result = new NotebookRunner(options).run(Notebook.read(notebook));
        Path target = out != null ? out : defaultOut(notebook);
        result.executed().write(target);
        System.out.println("Ran " + result.cellsRun() + " code cells of " + notebook + "; wrote " + target);
        for (NotebookRunner.Failure failure : result.failures()) {
            System.err.println(failure.error().describe());
        }
        if (!result.succeeded()) {
            System.err.println("course run: " + result.failures().size() + " cell(s) failed, first cell "
                    + result.failures().getFirst().cell());
            return 1;
        }
        return 0;
    }

    static Path defaultOut(Path notebook) {
        String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        return notebook.resolveSibling(name + ".executed.ipynb");
    }
}
