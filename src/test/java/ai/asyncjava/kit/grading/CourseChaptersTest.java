package ai.asyncjava.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.notebook.Notebook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The grader's own copy of every check cell is the released notebooks' check cells. */
class CourseChaptersTest {

    private static final Path NOTEBOOKS = Path.of("").toAbsolutePath().getParent().resolve("notebooks");
    private static final Pattern CHECK_CALL = Pattern.compile("Chapter\\d\\d\\.check\\w+\\([^\\n]*\\)");

    @Test
    void theKitsCheckCallsAreTheNotebooksCheckCellsInOrder() {
        for (GradedChapter chapter : CourseChapters.all()) {
            Notebook notebook = Notebook.read(NOTEBOOKS.resolve(chapter.notebookFile()));
            assertEquals(chapter.id(), notebook.metadata().path("course").path("chapter").asText(),
                    chapter.notebookFile() + " must carry its chapter in metadata.course.chapter");
            assertEquals(CourseChapters.COURSE, notebook.metadata().path("course").path("course").asText());
            List<String> calls = new ArrayList<>();
            notebook.cells().stream().filter(Notebook::isCode).forEach(cell -> {
                Matcher matcher = CHECK_CALL.matcher(Notebook.source(cell));
                while (matcher.find()) {
                    calls.add(matcher.group());
                }
            });
            List<String> kits = chapter.exercises().stream()
                    .map(e -> e.checkCall().replaceFirst("^ai\\.asyncjava\\.kit\\.checks\\.ch\\d\\d\\.", "")).toList();
            assertEquals(kits, calls, chapter.notebookFile());
        }
    }

    @Test
    void exerciseIdsAreUniqueWithinAChapterAndEveryExerciseHasChecks() {
        for (GradedChapter chapter : CourseChapters.all()) {
            List<String> ids = chapter.exercises().stream().map(GradedExercise::id).toList();
            assertEquals(ids.size(), ids.stream().distinct().count(), chapter.id() + ": " + ids);
            chapter.exercises().forEach(e -> assertTrue(e.total() > 0, e.id()));
        }
    }
}
