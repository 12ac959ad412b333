package ai.asyncjava.kit.notebook;

import ai.asyncjava.kit.setup.CourseHome;
import ai.asyncjava.kit.setup.Jupyter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the notebook tests run on: the Jupyter and kernel that {@code ./course test} set up
 * and passes in as system properties. Missing ones fail the test, not skip it: a notebook
 * test that quietly did not run would prove nothing.
 */
final class KernelUnderTest {

    private KernelUnderTest() {}

    static Jupyter jupyter() {
        String executable = required("course.jupyter");
        return new Jupyter(Path.of(executable), "given by ./course test");
    }

    static String courseKernelName() {
        return required("course.kernel");
    }

    /** The checkout, with the JDK that runs this test (the launcher's JDK under ./course test). */
    static CourseHome home() {
        Path root = Path.of(required("course.home")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve(".course/kit/lib"))) {
            throw new IllegalStateException("no kit in " + root + "/.course: run the notebook tests with ./course test");
        }
        return new CourseHome(root, Path.of(System.getProperty("java.home")));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the notebook tests with ./course test");
        }
        return value;
    }
}
