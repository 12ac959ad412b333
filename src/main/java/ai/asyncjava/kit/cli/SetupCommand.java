package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.setup.CourseHome;
import ai.asyncjava.kit.setup.CourseKernel;
import ai.asyncjava.kit.setup.Jupyter;
import ai.asyncjava.kit.setup.JupyterInstaller;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Makes the machine ready: Jupyter installed, the course kernel registered with it. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Install Jupyter (when missing) and the course's Java kernel.")
public final class SetupCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        prepare(CourseHome.fromSystemProperties(), System.out);
        return 0;
    }

    /** Shared with {@code start} and {@code test}: returns the Jupyter the kernel is installed in. */
    static Jupyter prepare(CourseHome home, PrintStream out) {
        out.println("JDK: " + home.javaHome() + " (Java " + Runtime.version().feature() + ")");
        Jupyter jupyter = new JupyterInstaller(home, out).findOrInstall();
        out.println("Jupyter: " + jupyter.executable() + " (" + jupyter.origin() + ")");
        CourseKernel.Installed kernel = new CourseKernel(home).install(jupyter);
        out.println("Kernel: \"" + CourseKernel.DISPLAY_NAME + "\" (" + CourseKernel.NAME + ") "
                + (kernel.changed() ? "installed in " : "already up to date in ") + kernel.specDir());
        return jupyter;
    }
}
