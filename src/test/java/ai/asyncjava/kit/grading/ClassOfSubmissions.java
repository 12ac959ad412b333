package ai.asyncjava.kit.grading;

import ai.asyncjava.kit.notebook.Notebook;
import ai.asyncjava.kit.notebook.SolutionNotebooks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a folder of submissions for the grader's tests out of the released notebooks: the
 * reference solutions, the skeletons, and copies broken on purpose in the ways students break
 * them.
 */
final class ClassOfSubmissions {

    private final Path courseRoot = Path.of("").toAbsolutePath().getParent();
    private final SolutionNotebooks notebooks = new SolutionNotebooks(courseRoot);
    private final Path folder;

    ClassOfSubmissions(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The learner notebook of a chapter, as released. */
    Notebook skeleton(String chapter) {
        return Notebook.read(released(chapter));
    }

    /** The learner notebook with every exercise cell holding its reference solution. */
    Notebook reference(String chapter) {
        return notebooks.withSolutions(released(chapter));
    }

    /** {@code notebook} with {@code change} applied to the cell that holds {@code solutionClass}. */
    static Notebook changeCell(Notebook notebook, String solutionClass, Consumer<ObjectNode> change) {
        Notebook copy = notebook.copy();
        ObjectNode cell = copy.cells().stream()
                .filter(c -> Notebook.courseMetadata(c).path("solution").asText().endsWith("." + solutionClass))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no cell for " + solutionClass));
        change.accept(cell);
        return copy;
    }

    /** Puts {@code code} first in the body of the method that {@code methodStart} begins. */
    static Notebook injectAtStart(Notebook notebook, String solutionClass, String methodStart, String code) {
        return changeCell(notebook, solutionClass, cell -> {
            String source = Notebook.source(cell);
            int at = source.indexOf(methodStart);
            if (at < 0) {
                throw new IllegalArgumentException(solutionClass + " has no \"" + methodStart + "\"");
            }
            int body = source.indexOf('{', at) + 1;
            Notebook.setSource(cell, source.substring(0, body) + "\n        " + code + source.substring(body));
        });
    }

    /** Replaces text in the cell of {@code solutionClass}. */
    static Notebook replaceInCell(Notebook notebook, String solutionClass, String text, String replacement) {
        return changeCell(notebook, solutionClass, cell -> {
            String source = Notebook.source(cell);
            if (!source.contains(text)) {
                throw new IllegalArgumentException(solutionClass + " has no \"" + text + "\"");
            }
            Notebook.setSource(cell, source.replace(text, replacement));
        });
    }

    void hand(String student, String fileName, Notebook notebook) {
        write(folder.resolve(student).resolve(fileName), notebook.toJson());
    }

    void handText(String student, String fileName, String text) {
        write(folder.resolve(student).resolve(fileName), text);
    }

    void handZip(String student, String entryName, Notebook notebook) {
        try {
            Files.createDirectories(folder);
            try (OutputStream file = Files.newOutputStream(folder.resolve(student + ".zip"));
                 ZipOutputStream zip = new ZipOutputStream(file)) {
                zip.putNextEntry(new ZipEntry("work/" + entryName));
                zip.write(notebook.toJson().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void handBytes(String fileName, byte[] bytes) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void emptyFolder(String student) {
        try {
            Files.createDirectories(folder.resolve(student));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path released(String chapter) {
        List<Path> matching = notebooks.learnerNotebooks().stream()
                .filter(p -> Notebook.read(p).metadata().path("course").path("chapter").asText().equals(chapter))
                .toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException("no single released notebook for chapter " + chapter + ": " + matching);
        }
        return matching.getFirst();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
