package ai.asyncjava.kit.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's Jupyter kernel: IJava on the JDK the launcher found, with the kit on its
 * class path through {@code IJAVA_CLASSPATH}, so notebooks need no magics.
 */
public final class CourseKernel {

    public static final String NAME = "async-java-for-ai";
    public static final String DISPLAY_NAME = "Java 21+ · Async Java for AI";
    static final String KERNEL_ARTIFACT = "ijava";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CourseHome home;

    public CourseKernel(CourseHome home) {
        this.home = home;
    }

    /** What the kernelspec folder holds after an install. */
    public record Installed(Path specDir, boolean changed) {}

    /**
     * The kit's class path for a kernel: one glob over the kit's jars. IJava, JJava and
     * rapaio-jupyter-kernel all expand globs, and a single entry sidesteps their different
     * separators (rapaio splits on ';' everywhere, IJava on the platform's separator).
     */
    public String classPath() {
        return home.kitLibDir().resolve("*.jar").toString();
    }

    /** JVM flags for any kernel that runs course notebooks on this course's JDK. */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                // Charts are drawn off-screen: no display is needed, or wanted, on a server.
                "-Djava.awt.headless=true",
                // JShell's internals are reached reflectively by the JShell-based kernels.
                "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED"));
        if (home.javaFeatureVersion() >= 24) {
            // Tablesaw's and Maven's libraries still use sun.misc.Unsafe; JDK 24+ warns on
            // every start, which only clutters the Jupyter log. JDK 21 lacks this flag.
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /**
     * The command line that starts a JShell-based kernel from its jar on the course's JDK,
     * as kernel.json's {@code argv}; Jupyter fills in {@code {connection_file}}.
     */
    public List<String> argv(Path kernelJar) {
        List<String> argv = new ArrayList<>();
        argv.add(home.javaExecutable().toString());
        argv.addAll(jvmOptions());
        argv.addAll(List.of("-jar", kernelJar.toString(), "{connection_file}"));
        return argv;
    }

    /** The kernel.json for a kernel whose jar sits at {@code kernelJar}. */
    Map<String, Object> spec(Path kernelJar) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv(kernelJar));
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of("IJAVA_CLASSPATH", classPath()));
        spec.put("metadata", Map.of("debugger", false));
        return spec;
    }

    /**
     * Writes the kernelspec into {@code <jupyter data dir>/kernels/async-java-for-ai}, with
     * the kernel's jar beside kernel.json. Leaves it alone when it is already up to date.
     */
    public Installed install(Jupyter jupyter) {
        return install(jupyter.dataDir().resolve("kernels"));
    }

    /** Installs into {@code kernelsDir}, a folder Jupyter searches for kernelspecs. */
    public Installed install(Path kernelsDir) {
        Path specDir = kernelsDir.resolve(NAME);
        Path sourceJar = home.kernelJar(KERNEL_ARTIFACT);
        Path installedJar = specDir.resolve(sourceJar.getFileName());
        try {
            String kernelJson = JSON.writeValueAsString(spec(installedJar)) + "\n";
            Path kernelJsonFile = specDir.resolve("kernel.json");
            boolean upToDate = Files.isRegularFile(kernelJsonFile)
                    && Files.readString(kernelJsonFile).equals(kernelJson)
                    && Files.isRegularFile(installedJar)
                    && Files.size(installedJar) == Files.size(sourceJar);
            if (upToDate) {
                return new Installed(specDir, false);
            }
            Files.createDirectories(specDir);
            Files.copy(sourceJar, installedJar, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(kernelJsonFile, kernelJson);
            return new Installed(specDir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kernelspec in " + specDir, e);
        }
    }
}
