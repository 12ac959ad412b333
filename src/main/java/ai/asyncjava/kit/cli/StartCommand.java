package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.setup.CourseHome;
import ai.asyncjava.kit.setup.Jupyter;
import ai.asyncjava.kit.setup.SystemUser;
import ai.asyncjava.kit.setup.ChildProcesses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Opens Jupyter Notebook on the learner notebooks, with the course kernel installed. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Open Jupyter on the notebooks; Jupyter's flags pass through.")
public final class StartCommand implements Callable<Integer> {

    @Unmatched
    List<String> jupyterFlags = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        CourseHome home = CourseHome.fromSystemProperties();
        Jupyter jupyter = SetupCommand.prepare(home, System.out);

        List<String> command = new ArrayList<>(List.of(
                jupyter.executable().toString(), "notebook", "--notebook-dir=" + home.notebooksDir()));
        if (SystemUser.isRoot() && !jupyterFlags.contains("--allow-root")) {
            // Jupyter refuses to run as root unless told to; containers and CI machines often are root.
            command.add("--allow-root");
        }
        command.addAll(jupyterFlags);
        System.out.println("Starting: " + String.join(" ", command));
        Process server = new ProcessBuilder(command).inheritIO().start();
        // Ctrl-C or a kill stops this JVM; take Jupyter and its kernels down with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ChildProcesses.stop(server)));
        return server.waitFor();
    }
}
