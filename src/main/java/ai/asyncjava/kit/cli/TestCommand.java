package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.setup.CourseHome;
import ai.asyncjava.kit.setup.CourseKernel;
import ai.asyncjava.kit.setup.Jupyter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * The whole test suite: {@code mvn verify} (unit tests, the hidden checks against the
 * reference solutions and their mutants) plus the notebook tests, which execute notebooks
 * through real Jupyter with the course kernel.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run every test: mvn verify plus the notebooks in real Jupyter.")
public final class TestCommand implements Callable<Integer> {

    @Unmatched
    List<String> mavenArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        CourseHome home = CourseHome.fromSystemProperties();
        Jupyter jupyter = SetupCommand.prepare(home, System.out);
        List<String> command = new ArrayList<>(List.of(
                "mvn", "-B", "-ntp", "verify", "-Pnotebook-tests",
                "-Dcourse.jupyter=" + jupyter.executable(),
                "-Dcourse.kernel=" + CourseKernel.NAME));
        command.addAll(mavenArguments);
        System.out.println("Running: " + String.join(" ", command));
        ProcessBuilder maven = new ProcessBuilder(command).directory(home.root().toFile()).inheritIO();
        maven.environment().put("JAVA_HOME", home.javaHome().toString());
        return maven.start().waitFor();
    }
}
