package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.notebook.SolutionNotebooks;
import ai.asyncjava.kit.setup.CourseHome;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates the solution notebooks, or checks that they are up to date. */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = "Generate and run the solution notebooks (--check: are they fresh?).")
public final class NotebooksCommand implements Callable<Integer> {

    @Option(names = "--check", description = "change nothing; fail when a generated notebook is stale or missing")
    boolean check;

    @Option(names = "--only", paramLabel = "PREFIX",
            description = "generate only the notebooks whose file name starts with PREFIX, e.g. 05 (the others stay as they are)")
    String only;

    @Override
    public Integer call() {
        SolutionNotebooks notebooks = new SolutionNotebooks(CourseHome.fromSystemProperties().root());
        if (check) {
            List<String> problems = notebooks.check();
            problems.forEach(problem -> System.err.println("stale: " + problem));
            if (!problems.isEmpty()) {
                System.err.println("course notebooks: run ./course notebooks to regenerate them");
                return 1;
            }
            System.out.println("The solution notebooks are up to date.");
            return 0;
        }
        List<SolutionNotebooks.Generated> generated = notebooks.generate(
                learner -> only == null || learner.getFileName().toString().startsWith(only));
        boolean allRan = true;
        for (SolutionNotebooks.Generated notebook : generated) {
            System.out.println((notebook.ran() ? "wrote " : "FAILED ") + notebook.file()
                    + (notebook.ran() ? "" : ": " + notebook.problem()));
            allRan &= notebook.ran();
        }
        return allRan ? 0 : 1;
    }
}
