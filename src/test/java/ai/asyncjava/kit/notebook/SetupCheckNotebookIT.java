package ai.asyncjava.kit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.setup.CourseHome;
import ai.asyncjava.kit.setup.CourseKernel;
import ai.asyncjava.kit.setup.ExecutedNotebook;
import ai.asyncjava.kit.setup.NbconvertExecutor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup-check notebook, executed through real Jupyter: on the course kernel (IJava), as
 * installed by {@code ./course setup}, and on rapaio-jupyter-kernel, a maintained JShell
 * kernel that the README says the notebooks also run on.
 */
class SetupCheckNotebookIT {

    private static final String NOTEBOOK = "00-setup-check.ipynb";
    private static final Duration CELL_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void runsCleanlyOnTheInstalledCourseKernel() {
        CourseHome home = KernelUnderTest.home();
        ExecutedNotebook executed = new NbconvertExecutor(KernelUnderTest.jupyter(), null)
                .execute(home.notebooksDir().resolve(NOTEBOOK), KernelUnderTest.courseKernelName(), tmp, CELL_TIMEOUT);

        assertProvesTheEnvironment(executed);
    }

    @Test
    void runsCleanlyOnRapaioJupyterKernel() throws IOException {
        CourseHome home = KernelUnderTest.home();
        Path kernels = tmp.resolve("jupyter-path");
        installRapaioKernel(home, kernels.resolve("kernels").resolve("rapaio-course-test"));

        NbconvertExecutor nbconvert = new NbconvertExecutor(KernelUnderTest.jupyter(), kernels);
        Path notebook = home.notebooksDir().resolve(NOTEBOOK);
        ExecutedNotebook executed = null;
        // rapaio-jupyter-kernel 3.0.1 now and then binds its sockets but never answers the first
        // kernel_info_request (seen here in about one start in five while other Maven builds ran;
        // never in 27 starts on a quiet machine). Only that start-up failure is retried, up to
        // three starts in all: a failing cell is never retried.
        for (int start = 1; executed == null; start++) {
            try {
                executed = nbconvert.execute(notebook, "rapaio-course-test", tmp.resolve("start-" + start), CELL_TIMEOUT);
            } catch (IllegalStateException e) {
                if (start == 3 || !e.getMessage().contains("Kernel didn't respond")) {
                    throw e;
                }
            }
        }

        assertProvesTheEnvironment(executed);
    }

    private static void assertProvesTheEnvironment(ExecutedNotebook executed) {
        String errors = executed.errors().stream()
                .map(e -> "cell " + e.cellIndex() + " (" + e.cellId() + "): " + e.errorReport())
                .collect(Collectors.joining("\n"));
        assertEquals("", errors, "no cell may fail");
        String printed = executed.streamText();
        assertTrue(printed.matches("(?s).*Java (2[1-9]|[3-9][0-9])\\b.*"), "prints a Java 21+ version: " + printed);
        assertTrue(printed.contains("a virtual thread: true"), "the virtual-thread line: " + printed);
        assertTrue(printed.contains("What is two times 3?"), "the Tablesaw table: " + printed);
        assertTrue(printed.contains("google-genai client ready"), "the Gemini client: " + printed);
        List<ExecutedNotebook.Output> images = executed.withMimeType("image/png");
        assertEquals(1, images.size(), "one chart, shown inline as image/png");
        assertEquals("chart", images.get(0).cellId());
        assertFalse(images.get(0).json().path("data").path("image/png").asText().isBlank(), "the PNG has data");
    }

    /** rapaio-jupyter-kernel's kernelspec, written privately so the user's Jupyter is untouched. */
    private static void installRapaioKernel(CourseHome home, Path specDir) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(home.javaExecutable().toString());
        argv.addAll(new CourseKernel(home).jvmOptions());
        argv.addAll(List.of("-jar", home.kernelJar("rapaio-jupyter-kernel").toString(), "{connection_file}"));
        Map<String, Object> spec = Map.of(
                "argv", argv,
                "display_name", "rapaio (course test)",
                "language", "java",
                "interrupt_mode", "message",
                "env", Map.of("RJK_CLASSPATH", new CourseKernel(home).classPath()));
        Files.createDirectories(specDir);
        new ObjectMapper().writeValue(specDir.resolve("kernel.json").toFile(), spec);
    }
}
