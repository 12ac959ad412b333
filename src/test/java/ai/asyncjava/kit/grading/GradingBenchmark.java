package ai.asyncjava.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.asyncjava.kit.grading.report.GradebookRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: a measurement, run only when asked. It grades N copies of the reference
 * solutions at each --jobs and prints submissions per minute, the per-submission overhead
 * (JVM and JShell start, the learner's cells) against the checks' own time, and how many checks
 * passed only when re-run alone; it fails if any copy loses a point.
 *
 * <pre>
 * mvn -B -pl src verify -Dtest=GradingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcourse.grading.copies=20 -Dcourse.grading.chapters=02 -Dcourse.grading.jobs=1,2,4
 * </pre>
 * {@code -Dcourse.grading.max-threads=N} grades with that thread-bomb limit (default 2000): with
 * {@value GraderOptions#MIN_THREADS} it shows that every reference stays under the lowest limit
 * {@code --max-threads} accepts.
 */
class GradingBenchmark {

    @Test
    void referenceCopiesGetFullMarksAtEveryJobsSetting() throws Exception {
        String copiesProperty = System.getProperty("course.grading.copies");
        assumeTrue(copiesProperty != null, "a measurement: run with -Dcourse.grading.copies=N");
        int copies = Integer.parseInt(copiesProperty);
        List<String> chapters = Arrays.asList(System.getProperty("course.grading.chapters", "02").split(","));
        List<Integer> jobsList = Arrays.stream(System.getProperty("course.grading.jobs", "1,2,4").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int maxThreads = Integer.getInteger("course.grading.max-threads", GraderOptions.defaults().maxThreads());

        Path work = Files.createTempDirectory("grading-benchmark-");
        ClassOfSubmissions made = new ClassOfSubmissions(work.resolve("submissions"));
        for (String chapter : chapters) {
            var reference = made.reference(chapter);
            for (int i = 1; i <= copies; i++) {
                made.hand(String.format(Locale.ROOT, "student-%03d", i), chapter + ".ipynb", reference);
            }
        }
        int submissions = copies * chapters.size();
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "%n%d copies of the references of chapter(s) %s = %d submissions on %d cores%n",
                copies, String.join(",", chapters), submissions, Runtime.getRuntime().availableProcessors()));
        summary.append("jobs | wall (s) | per minute | worker s/submission | checks s/submission | overhead s/submission "
                + "| passed only alone | full marks\n");
        for (int jobs : jobsList) {
            GraderOptions options = new GraderOptions(Duration.ofSeconds(300), 1024, jobs, 1.0, Duration.ofSeconds(30),
                    maxThreads, chapters, Shard.WHOLE);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            long started = System.nanoTime();
            List<SubmissionGrade> grades = new ClassGrader(options, new PrintStream(console, true,
                    StandardCharsets.UTF_8)).grade(made.folder(), work.resolve("out-" + jobs));
            double wall = (System.nanoTime() - started) / 1e9;
            List<SubmissionGrade> graded = grades.stream().filter(g -> !g.sha256().isEmpty()).toList();
            double workerSeconds = graded.stream().mapToLong(SubmissionGrade::millis).average().orElse(0) / 1000;
            double checkSeconds = graded.stream().mapToDouble(g -> g.exercises().stream()
                    .flatMap(e -> e.checks().stream()).mapToLong(CheckRow::millis).sum() / 1000.0).average().orElse(0);
            long onlyAlone = graded.stream().flatMap(g -> g.exercises().stream()).flatMap(e -> e.checks().stream())
                    .filter(row -> row.rerun() == CheckRow.Rerun.PASSED_ALONE).count();
            long full = graded.stream().filter(g -> g.passed() == g.total()).count();
            summary.append(String.format(Locale.ROOT, "%4d | %8.0f | %10.1f | %19.1f | %19.1f | %21.1f | %17d | %d of %d%n",
                    jobs, wall, submissions / (wall / 60), workerSeconds, checkSeconds, workerSeconds - checkSeconds,
                    onlyAlone, full, graded.size()));
            List<GradebookRow> lost = grades.stream().flatMap(g -> g.exercises().stream())
                    .filter(e -> e.passed() != e.total() || e.status() != GradeStatus.GRADED).map(GradebookRow::of).toList();
            assertEquals(List.of(), lost, "a reference lost points at --jobs " + jobs);
            assertEquals(submissions, graded.size());
        }
        System.out.println(summary);
        Files.writeString(Path.of("target", "grading-benchmark.txt"), summary.toString());
    }
}
