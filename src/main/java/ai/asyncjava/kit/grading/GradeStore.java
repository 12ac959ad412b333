package ai.asyncjava.kit.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The grades of a batch as they are finished, one file per submission under
 * {@code DIR/.grades}: what lets a batch that stopped half-way go on where it stopped (a
 * submission with the same file hash is not graded again), and what {@code grade merge} reads.
 */
final class GradeStore {

    /**
     * One saved submission.
     *
     * @param grade the grade
     * @param rerunDone whether the re-run phase is over for it (before that, only the first pass is)
     */
    record Saved(SubmissionGrade grade, boolean rerunDone) {}

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    GradeStore(Path outDir) {
        this.dir = outDir.resolve(".grades");
    }

    Optional<Saved> find(String student, String key) {
        Path file = file(student, key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Saved.class));
        } catch (IOException unreadable) {
            return Optional.empty(); // half-written when the grader was killed: grade it again
        }
    }

    /** Saves atomically, so a kill during the write leaves the old file or the new one. */
    synchronized void save(String student, String key, Saved saved) {
        Path file = file(student, key);
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            JSON.writeValue(partial.toFile(), saved);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the grade of " + student + " in " + file, e);
        }
    }

    /** The key a grade is saved under: its chapter, or for a file of no chapter, the file. */
    static String keyOf(SubmissionGrade grade) {
        return grade.chapter().isEmpty() ? "invalid-" + grade.notebook() : grade.chapter();
    }

    /**
     * Saves every grade of these students and forgets their older ones (a notebook fixed since,
     * a chapter handed in late), so the store holds exactly this run's view of them.
     */
    synchronized void replaceStudents(List<SubmissionGrade> grades) {
        java.util.Set<Path> keep = new java.util.HashSet<>();
        for (SubmissionGrade grade : grades) {
            Path file = file(grade.student(), keyOf(grade));
            keep.add(file);
            if (find(grade.student(), keyOf(grade)).map(saved -> !saved.grade().equals(grade) || !saved.rerunDone())
                    .orElse(true)) {
                save(grade.student(), keyOf(grade), new Saved(grade, true));
            }
        }
        grades.stream().map(SubmissionGrade::student).distinct().forEach(student -> {
            Path folder = dir.resolve(ClassFolder.safe(student));
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(file -> !keep.contains(file)).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // nothing saved for this student yet
            }
        });
    }

    /** Every saved grade, in a stable order. */
    List<Saved> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Saved> saved = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                saved.add(JSON.readValue(file.toFile(), Saved.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved grades in " + dir, e);
        }
        return saved;
    }

    private Path file(String student, String key) {
        return dir.resolve(ClassFolder.safe(student)).resolve(ClassFolder.safe(key) + ".json");
    }
}
