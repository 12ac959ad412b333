package ai.asyncjava.kit.notebook;

import static ai.asyncjava.kit.notebook.TestNotebooks.courseRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.asyncjava.kit.checks.Exercise;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A report's title names the part of the notebook its exercise is in, in the notebook's own
 * words: "Step 3, SizeOrTimeoutBatcher: ..." is the report of the exercise that the learner
 * writes under the heading "## Step 3 · ...". For every {@code Exercise} of chapters 00–04
 * (the public static final fields of {@code ChapterNN}):
 * <ul>
 *   <li>the title's part before the comma ("Step 3", "Going further 1") begins a markdown
 *       heading of the chapter's learner notebook;</li>
 *   <li>the name after the comma ("SizeOrTimeoutBatcher") is in a code cell of that heading's
 *       section (up to the next heading of the same or a higher level), so a report does not
 *       send the learner to the step before or after the one it checks.</li>
 * </ul>
 */
class ReportTitlesTest {

    private static final List<String> CHAPTERS = List.of("00", "01", "02", "03", "04", "05", "06");

    /** "Step 3, SizeOrTimeoutBatcher: batches by size or timeout" → "Step 3", "SizeOrTimeoutBatcher". */
    private static final Pattern TITLE = Pattern.compile("([^,]+),\\s*(\\w+)\\s*:.*", Pattern.DOTALL);

    private static final Pattern HEADING = Pattern.compile("^(#+)\\s+(.*)$", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> everyReportTitleNamesAHeadingOfItsNotebookAndTheClassWrittenThere() {
        return CHAPTERS.stream().map(chapter -> DynamicTest.dynamicTest("chapter " + chapter, () -> {
            List<String> problems = problemsOf(chapter);
            assertEquals("", String.join("\n", problems), () -> problems.size()
                    + " report title(s) of chapter " + chapter + " do not match its notebook");
        }));
    }

    private static List<String> problemsOf(String chapter) throws IOException, ReflectiveOperationException {
        Path notebookFile = learnerNotebook(chapter);
        Notebook notebook = Notebook.read(notebookFile);
        List<Heading> headings = headings(notebook);
        String where = courseRoot().relativize(notebookFile).toString();
        List<String> problems = new ArrayList<>();
        List<Exercise> exercises = exercises(chapter);
        assertFalse(exercises.isEmpty(), "Chapter" + chapter + " has no public static final Exercise fields");
        for (Exercise exercise : exercises) {
            String title = exercise.title();
            Matcher parts = TITLE.matcher(title);
            if (!parts.matches()) {
                problems.add("\"" + title + "\" is not of the form \"Step N, ClassName: what it does\"");
                continue;
            }
            String part = parts.group(1).strip();
            String name = parts.group(2);
            Heading heading = headings.stream().filter(h -> h.startsWith(part)).findFirst().orElse(null);
            List<String> writtenUnder = sectionsWithCodeNaming(notebook, name, headings);
            String writtenWhere = writtenUnder.isEmpty() ? "no code cell of " + where + " names " + name
                    : "code naming " + name + " is under " + String.join(", ", writtenUnder);
            if (heading == null) {
                problems.add("\"" + title + "\" names \"" + part + "\", but no heading of " + where + " begins with it ("
                        + writtenWhere + ")");
            } else if (!heading.hasCodeNaming(notebook, name, headings)) {
                problems.add("\"" + title + "\" names \"" + part + "\", but no code cell under " + heading.quoted()
                        + " of " + where + " names " + name + " (" + writtenWhere + ")");
            }
        }
        return problems;
    }

    /** The notebook of chapter {@code NN} whose skeletons stand for the chapter's reference solutions. */
    private static Path learnerNotebook(String chapter) throws IOException {
        String solutions = "ai.asyncjava.solutions.ch" + chapter + ".";
        try (Stream<Path> files = Files.list(courseRoot().resolve("notebooks"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().matches(chapter + "-.*\\.ipynb"))
                    .filter(f -> Notebook.read(f).cells().stream().anyMatch(cell ->
                            cell.path("metadata").path("course").path("solution").asText("").startsWith(solutions)))
                    .toList();
            assertEquals(1, found.size(), () -> "one learner notebook notebooks/" + chapter
                    + "-*.ipynb with skeletons of " + solutions + "*; found " + found);
            return found.getFirst();
        }
    }

    private static List<Exercise> exercises(String chapter) throws ReflectiveOperationException {
        Class<?> chapterClass = Class.forName("ai.asyncjava.kit.checks.ch" + chapter + ".Chapter" + chapter);
        List<Exercise> exercises = new ArrayList<>();
        for (Field field : chapterClass.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == Exercise.class) {
                exercises.add((Exercise) field.get(null));
            }
        }
        return exercises;
    }

    /** A markdown heading: the cell it is in, its level (the number of #) and its text. */
    private record Heading(int cell, int level, String text) {

        /** "Step 3" begins "Step 3 · The batcher", not "Step 30 · ..."; "Going further" does not begin "Going further 1 · ...". */
        boolean startsWith(String part) {
            return Pattern.compile("^" + Pattern.quote(part) + "(?!\\w)(?!\\s*\\d)").matcher(text).find();
        }

        /** Whether a code cell of this heading's section, to the next heading of the same or a higher level, names {@code name}. */
        boolean hasCodeNaming(Notebook notebook, String name, List<Heading> all) {
            int end = all.stream().filter(h -> h.cell > cell && h.level <= level)
                    .mapToInt(Heading::cell).min().orElse(notebook.cells().size());
            Pattern word = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
            List<ObjectNode> cells = notebook.cells();
            return IntStream.range(cell, end).mapToObj(cells::get)
                    .anyMatch(c -> Notebook.isCode(c) && word.matcher(Notebook.source(c)).find());
        }

        String quoted() {
            return "\"" + "#".repeat(level) + " " + text + "\"";
        }
    }

    /** The chapter's sections (## headings) that have a code cell naming {@code name}, in order. */
    private static List<String> sectionsWithCodeNaming(Notebook notebook, String name, List<Heading> headings) {
        return headings.stream().filter(h -> h.level() == 2 && h.hasCodeNaming(notebook, name, headings))
                .map(Heading::quoted).toList();
    }

    private static List<Heading> headings(Notebook notebook) {
        List<Heading> headings = new ArrayList<>();
        List<ObjectNode> cells = notebook.cells();
        for (int i = 0; i < cells.size(); i++) {
            if (!"markdown".equals(cells.get(i).path("cell_type").asText())) {
                continue;
            }
            Matcher heading = HEADING.matcher(Notebook.source(cells.get(i)));
            while (heading.find()) {
                headings.add(new Heading(i, heading.group(1).length(), heading.group(2).strip()));
            }
        }
        return headings;
    }
}
