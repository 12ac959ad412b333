package ai.asyncjava.kit.grading;

import ai.asyncjava.kit.notebook.Notebook;
import ai.asyncjava.kit.notebook.NotebookFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a folder of submissions: {@code SUBMISSIONS/<student>/*.ipynb} (at any depth) or
 * {@code SUBMISSIONS/<student>.zip} holding notebooks. A notebook's chapter comes from its
 * metadata, never from its file name, so a renamed notebook is still graded.
 */
final class ClassFolder {

    /** A zip's notebooks may not add up to more than this: a zip bomb is a problem row, not a full disk. */
    private static final long MAX_UNZIPPED_BYTES = 200L * 1024 * 1024;

    private ClassFolder() {}

    /**
     * The students in {@code folder}, sorted by name; notebooks out of zips are copied under
     * {@code scratch}. A folder that does not exist or holds no submission is an error whose
     * message says what was expected.
     */
    static List<HandedIn> read(Path folder, Path scratch) {
        if (!Files.exists(folder)) {
            throw new GradingInputException("there is no folder " + folder
                    + "; give the folder that holds one folder (or zip) per student");
        }
        if (!Files.isDirectory(folder)) {
            throw new GradingInputException(folder + " is a file; give the folder that holds one folder (or zip) "
                    + "per student");
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        Map<String, HandedIn> students = new LinkedHashMap<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                students.put(name, fromFolder(name, entry));
            } else if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                String student = name.substring(0, name.length() - 4);
                students.put(student, fromZip(student, entry, scratch.resolve("unzipped").resolve(safe(student))));
            } else if (name.toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
                String student = name.substring(0, name.length() - 6);
                students.put(student, classify(student, List.of(entry)));
            }
        }
        if (students.isEmpty()) {
            throw new GradingInputException("no submissions in " + folder + ": expected one folder per student "
                    + "(SUBMISSIONS/<student>/*.ipynb) or one zip per student (SUBMISSIONS/<student>.zip)");
        }
        return new ArrayList<>(students.values());
    }

    /** One student's notebooks in {@code folder}: the learner's own {@code notebooks/}, for {@code ./course progress}. */
    static HandedIn readOne(String student, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new GradingInputException("there is no folder " + folder);
        }
        return fromFolder(student, folder);
    }

    private static HandedIn fromFolder(String student, Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> notebooks = walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb"))
                    .filter(path -> !path.toString().contains(".ipynb_checkpoints"))
                    .sorted().toList();
            return classify(student, notebooks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    private static HandedIn fromZip(String student, Path zip, Path into) {
        List<Path> notebooks = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            boolean any = false;
            while ((entry = in.getNextEntry()) != null) {
                any = true;
                String name = entry.getName();
                if (entry.isDirectory() || !name.toLowerCase(Locale.ROOT).endsWith(".ipynb")
                        || name.contains(".ipynb_checkpoints") || name.startsWith("__MACOSX")) {
                    continue;
                }
                // Keep only the file name: a path in a zip must not reach outside the scratch folder.
                Path target = into.resolve(notebooks.size() + "-" + Path.of(name).getFileName());
                Files.createDirectories(into);
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNZIPPED_BYTES - total + 1));
                total += bytes.length;
                if (total > MAX_UNZIPPED_BYTES) {
                    return new HandedIn(student, List.of(), List.of(new HandedIn.Problem(zip.getFileName().toString(),
                            sha256(zip), "the zip unpacks to more than " + MAX_UNZIPPED_BYTES / (1024 * 1024)
                            + " MB of notebooks")), List.of());
                }
                Files.write(target, bytes);
                notebooks.add(target);
            }
            if (!any) {
                throw new ZipException("no entries");
            }
        } catch (ZipException | java.io.EOFException e) {
            return new HandedIn(student, List.of(), List.of(new HandedIn.Problem(zip.getFileName().toString(),
                    sha256(zip), zip.getFileName() + " is not a zip file that can be read (" + e.getMessage() + ")")),
                    List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
        HandedIn found = classify(student, notebooks);
        // The file names in the gradebook are the ones in the zip, not the scratch copies'.
        List<Submission> renamed = found.notebooks().stream().map(s -> new Submission(s.student(), s.chapter(),
                s.notebook(), zip.getFileName() + ":" + s.fileName().replaceFirst("^\\d+-", ""), s.sha256())).toList();
        List<HandedIn.Problem> problems = found.problems().stream().map(p -> new HandedIn.Problem(
                zip.getFileName() + ":" + p.fileName().replaceFirst("^\\d+-", ""), p.sha256(),
                p.reason().replace(p.fileName(), p.fileName().replaceFirst("^\\d+-", "")))).toList();
        return new HandedIn(student, renamed, problems, found.notes());
    }

    /** Sorts a student's notebooks into gradable ones, one per chapter, and problems. */
    private static HandedIn classify(String student, List<Path> files) {
        Map<String, Submission> byChapter = new LinkedHashMap<>();
        List<HandedIn.Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String hash = sha256(file);
            Notebook notebook;
            try {
                notebook = Notebook.read(file);
            } catch (NotebookFormatException e) {
                problems.add(new HandedIn.Problem(fileName, hash, e.getMessage().replace(file.toString(), fileName)));
                continue;
            } catch (UncheckedIOException e) {
                problems.add(new HandedIn.Problem(fileName, hash, fileName + " cannot be read as UTF-8 text ("
                        + e.getCause().getClass().getSimpleName() + "): it is not a notebook"));
                continue;
            }
            JsonNode course = notebook.metadata().path("course");
            if (course.isMissingNode()) {
                problems.add(new HandedIn.Problem(fileName, hash, fileName + " has no course metadata, so its chapter "
                        + "is unknown: hand in the course's own notebook (a copy made with File > Make a Copy keeps it; "
                        + "a new notebook with pasted cells does not)"));
                continue;
            }
            if (!CourseChapters.COURSE.equals(course.path("course").asText())) {
                problems.add(new HandedIn.Problem(fileName, hash, fileName + " belongs to another course (\""
                        + course.path("course").asText() + "\"), not " + CourseChapters.COURSE));
                continue;
            }
            String chapterId = course.path("chapter").asText();
            if ("setup".equals(chapterId)) {
                notes.add(fileName + " is the setup check, which has no exercises to grade");
                continue;
            }
            GradedChapter chapter = CourseChapters.byId(chapterId).orElse(null);
            if (chapter == null) {
                problems.add(new HandedIn.Problem(fileName, hash, fileName + " is chapter \"" + chapterId
                        + "\", which this grader does not grade (it grades " + String.join(", ", CourseChapters.ids())
                        + ")"));
                continue;
            }
            Submission submission = new Submission(student, chapter, file, fileName, hash);
            Submission earlier = byChapter.get(chapterId);
            if (earlier == null) {
                byChapter.put(chapterId, submission);
            } else {
                // Two notebooks of one chapter: the one under the released name wins, else the newer file.
                Submission kept = preferred(earlier, submission);
                Submission dropped = kept == earlier ? submission : earlier;
                byChapter.put(chapterId, kept);
                notes.add("Chapter " + chapterId + " was handed in twice: graded " + kept.fileName() + ", not "
                        + dropped.fileName());
            }
        }
        return new HandedIn(student, new ArrayList<>(byChapter.values()), problems, notes);
    }

    private static Submission preferred(Submission a, Submission b) {
        String released = a.chapter().notebookFile();
        boolean aReleased = a.fileName().endsWith(released);
        boolean bReleased = b.fileName().endsWith(released);
        if (aReleased != bReleased) {
            return aReleased ? a : b;
        }
        try {
            return Files.getLastModifiedTime(b.notebook()).compareTo(Files.getLastModifiedTime(a.notebook())) > 0 ? b : a;
        } catch (IOException e) {
            return a;
        }
    }

    /** A name safe as one folder name on any system. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._@+-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
