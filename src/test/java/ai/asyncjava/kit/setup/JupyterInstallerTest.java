package ai.asyncjava.kit.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JupyterInstallerTest {

    @TempDir
    Path tmp;

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    @Test
    void aJupyterOnPathThatRunsNotebooksAndNbconvertIsUsed() throws IOException {
        Path bin = fakeJupyter("good", 0);
        CourseHome home = new CourseHome(tmp.resolve("checkout"), Path.of("/opt/jdk"));

        Optional<Jupyter> found = new JupyterInstaller(home, quiet, bin.toString()).find();

        assertEquals(Optional.of(bin.resolve("jupyter")), found.map(Jupyter::executable));
    }

    @Test
    void aJupyterWithoutTheNotebookServerIsPassedOver() throws IOException {
        Path broken = fakeJupyter("broken", 1);
        CourseHome home = new CourseHome(tmp.resolve("checkout"), Path.of("/opt/jdk"));

        Optional<Jupyter> found = new JupyterInstaller(home, quiet, broken.toString()).find();

        assertNotEquals(Optional.of(broken.resolve("jupyter")), found.map(Jupyter::executable));
    }

    @Test
    void whatSetupFoundIsRecordedAndUsedNextTime() throws IOException {
        Path bin = fakeJupyter("good", 0);
        CourseHome home = new CourseHome(tmp.resolve("checkout"), Path.of("/opt/jdk"));
        new JupyterInstaller(home, quiet, bin.toString()).findOrInstall();

        Optional<Jupyter> again = new JupyterInstaller(home, quiet, "").find();

        assertEquals(Optional.of(bin.resolve("jupyter")), again.map(Jupyter::executable));
    }

    /** A `jupyter` script that answers every command with the given exit code. */
    private Path fakeJupyter(String name, int exitCode) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve(name));
        Path script = bin.resolve("jupyter");
        Files.writeString(script, "#!/bin/sh\necho \"6.4.12\"\nexit " + exitCode + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
