package ai.asyncjava.kit.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this JVM runs as, where that changes what setup may do. */
public final class SystemUser {

    private SystemUser() {}

    /** True for root (uid 0): the system package manager works, and Jupyter needs --allow-root. */
    public static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
