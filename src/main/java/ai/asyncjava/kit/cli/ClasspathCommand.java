package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.setup.CourseHome;
import ai.asyncjava.kit.setup.CourseKernel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Prints the kit's class path, for running the notebooks on another Java kernel. */
@Command(name = "classpath", mixinStandardHelpOptions = true,
        description = "Print the kit's class path, for other Java kernels.")
public final class ClasspathCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println(new CourseKernel(CourseHome.fromSystemProperties()).classPath());
        return 0;
    }
}
