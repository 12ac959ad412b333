package ai.asyncjava.kit.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code course} launcher refuses, quickly and helpfully, to run on a JDK older than 21. */
class LauncherJdkTest {

    private static final Path LAUNCHER = Path.of(System.getProperty("course.home", "..")).resolve("course");

    @TempDir
    Path tmp;

    @Test
    void withOnlyJdk17VisibleSetupStopsAndSaysWhatItFoundAndWhatToInstall() throws IOException {
        Path jdk17 = fakeJdk("jdk-17", "17");
        Map<String, String> env = Map.of(
                "JAVA_HOME", jdk17.toString(),
                "PATH", jdk17.resolve("bin") + ":/usr/bin:/bin",
                // Hide the machine's own JDKs: only the fake one is visible.
                "COURSE_JDK_CANDIDATES", "");

        long start = System.nanoTime();
        CommandRunner.Result result = CommandRunner.run(
                List.of("bash", LAUNCHER.toString(), "setup"), tmp, env, Duration.ofSeconds(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("needs JDK 21 or newer"), result.output());
        assertTrue(result.output().contains("found: JDK 17 at " + jdk17), result.output());
        assertTrue(result.output().contains("JAVA_HOME"), "says how to point the course at a JDK: " + result.output());
        assertTrue(took.toSeconds() < 5, "fails fast, took " + took);
    }

    @Test
    void aJre21WithoutJavacDoesNotCountAsAJdk() throws IOException {
        Path jre21 = fakeJdk("jre-21", "21");
        Files.delete(jre21.resolve("bin/javac"));
        Path jdk17 = fakeJdk("jdk-17", "17");
        Map<String, String> env = Map.of("JAVA_HOME", jre21.toString(),
                "PATH", jdk17.resolve("bin") + ":/usr/bin:/bin", "COURSE_JDK_CANDIDATES", "");

        CommandRunner.Result result = CommandRunner.run(
                List.of("bash", LAUNCHER.toString(), "setup"), tmp, env, Duration.ofSeconds(30));

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("found: JDK 17 at " + jdk17), result.output());
        assertFalse(result.output().contains(jre21.toString()), "a JRE is not listed as a JDK: " + result.output());
    }

    /** A directory that looks like a JDK of the given version to the launcher. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve(name).resolve("bin"));
        String java = "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\nexit 0\n";
        for (String tool : List.of("java", "javac")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, java);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return tmp.resolve(name);
    }
}
