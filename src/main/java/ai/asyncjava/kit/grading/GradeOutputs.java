package ai.asyncjava.kit.grading;

import ai.asyncjava.kit.grading.report.ClassSummary;
import ai.asyncjava.kit.grading.report.ExercismResults;
import ai.asyncjava.kit.grading.report.FeedbackHtml;
import ai.asyncjava.kit.grading.report.GradebookCsv;
import ai.asyncjava.kit.grading.report.JunitXml;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a batch's outputs into {@code DIR}: the gradebook, the JUnit XML, and per student and
 * chapter {@code results.json} and {@code feedback.html}; and merges the outputs of shards.
 */
public final class GradeOutputs {

    private GradeOutputs() {}

    /** Writes every output and prints the class summary. */
    public static void write(Path out, List<SubmissionGrade> grades, List<String> chapters, PrintStream console) {
        writeQuietly(out, grades, chapters);
        console.println();
        console.print(ClassSummary.render(grades, chapters));
        console.println("Wrote " + out.resolve("gradebook.csv") + ", " + out.resolve("junit.xml")
                + " and, per student and chapter, results.json and feedback.html under " + out);
    }

    public static void writeQuietly(Path out, List<SubmissionGrade> grades, List<String> chapters) {
        GradebookCsv.write(out.resolve("gradebook.csv"), grades);
        JunitXml.write(out.resolve("junit.xml"), grades);
        for (SubmissionGrade grade : grades) {
            Path dir = out.resolve(ClassFolder.safe(grade.student())).resolve(folderOf(grade));
            ExercismResults.write(dir.resolve("results.json"), grade);
            FeedbackHtml.write(dir.resolve("feedback.html"), grade);
        }
    }

    /** The chapter's folder; a notebook of no known chapter gets one named after its file. */
    private static String folderOf(SubmissionGrade grade) {
        return grade.chapter().isEmpty() ? "invalid-" + ClassFolder.safe(grade.notebook()) : grade.chapter();
    }

    /**
     * Reads the grades saved in each shard's output folder and saves them into {@code out}; a
     * submission found in two shards is an error, since shards never overlap.
     */
    public static List<SubmissionGrade> merge(List<Path> shards, Path out) {
        Map<String, SubmissionGrade> merged = new LinkedHashMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        GradeStore target = new GradeStore(out);
        for (Path shard : shards) {
            if (!Files.isDirectory(shard.resolve(".grades"))) {
                throw new GradingInputException(shard + " holds no grades (no .grades folder): give the --out folders "
                        + "of './course grade --shard K/N' runs");
            }
            for (GradeStore.Saved saved : new GradeStore(shard).all()) {
                SubmissionGrade grade = saved.grade();
                String key = grade.student() + "/" + (grade.chapter().isEmpty() ? grade.notebook() : grade.chapter());
                if (merged.containsKey(key) && !from.get(key).equals(shard)) {
                    throw new GradingInputException(key + " was graded in both " + from.get(key) + " and " + shard
                            + ": were these shards of one class, each with its own K of the same N?");
                }
                merged.put(key, grade);
                from.put(key, shard);
                if (!out.toAbsolutePath().normalize().equals(shard.toAbsolutePath().normalize())) {
                    target.save(grade.student(), GradeStore.keyOf(grade), saved);
                }
            }
        }
        return new ArrayList<>(merged.values());
    }

    /** The chapters the grades cover, in order. */
    public static List<String> chaptersIn(List<SubmissionGrade> grades) {
        TreeSet<String> chapters = new TreeSet<>();
        grades.stream().map(SubmissionGrade::chapter).filter(chapter -> !chapter.isEmpty()).forEach(chapters::add);
        return new ArrayList<>(chapters);
    }

    /** The learner's dashboard: per chapter, each exercise with its checks passed. */
    public static String progress(List<SubmissionGrade> grades) {
        StringBuilder text = new StringBuilder();
        for (SubmissionGrade grade : grades) {
            if (grade.chapter().isEmpty()) {
                text.append(grade.notebook()).append(": ").append(String.join("; ", grade.notes())).append('\n');
                continue;
            }
            String title = CourseChapters.byId(grade.chapter()).map(GradedChapter::title).orElse("");
            text.append("Chapter ").append(grade.chapter()).append(", ").append(title).append(": ")
                    .append(grade.passed()).append(" of ").append(grade.total()).append(" checks pass")
                    .append(grade.notebook().isEmpty() ? "" : " (" + grade.notebook() + ")").append('\n');
            for (ExerciseGrade exercise : grade.exercises()) {
                String mark = exercise.fullMarks() ? "[x]" : exercise.passed() > 0 ? "[~]" : "[ ]";
                text.append("  ").append(mark).append(' ').append(exercise.title()).append(": ")
                        .append(exercise.passed()).append('/').append(exercise.total());
                if (exercise.status() != GradeStatus.GRADED) {
                    text.append(" (").append(exercise.status().label()).append(')');
                }
                text.append('\n');
                if (!exercise.fullMarks() && !exercise.reason().isEmpty()) {
                    text.append("        ").append(exercise.reason()).append('\n');
                }
            }
        }
        return text.toString();
    }
}
