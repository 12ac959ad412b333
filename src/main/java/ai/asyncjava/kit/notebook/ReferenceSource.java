package ai.asyncjava.kit.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The source of a reference solution as a notebook cell shows it: the class file from
 * {@code solutions/src/main/java} without its package line (JShell has no packages), imports kept.
 */
final class ReferenceSource {

    private ReferenceSource() {}

    static Path file(Path courseRoot, String className) {
        return courseRoot.resolve("solutions/src/main/java").resolve(className.replace('.', '/') + ".java");
    }

    static String of(Path courseRoot, String className) {
        Path file = file(courseRoot, className);
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("no reference solution " + className + " at " + file, e);
        }
        return source.replaceFirst("(?m)\\A\\s*package\\s+[\\w.]+\\s*;\\s*\\n(\\s*\\n)*", "").stripTrailing();
    }
}
