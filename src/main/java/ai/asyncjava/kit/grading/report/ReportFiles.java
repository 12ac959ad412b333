package ai.asyncjava.kit.grading.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a grading output file whole or not at all. A batch run can be stopped at any moment
 * (Ctrl+C, a full disk), and a half-written gradebook or {@code results.json} would look like a
 * finished one to the next run and to whoever opens it; so the text goes to a file beside it
 * first and is moved into place when complete.
 */
public final class ReportFiles {

    private ReportFiles() {}

    /** Writes {@code text} as UTF-8 to {@code file}, creating its folder if need be. */
    public static void write(Path file, String text) {
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
