package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.grading.ClassGrader;
import ai.asyncjava.kit.grading.GradeOutputs;
import ai.asyncjava.kit.grading.GraderOptions;
import ai.asyncjava.kit.grading.Shard;
import ai.asyncjava.kit.grading.SubmissionGrade;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Batch-grades a class's notebooks: {@code ./course grade SUBMISSIONS --out DIR}. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Batch-grade a class's notebooks into a gradebook and feedback.",
        footer = {"", "SUBMISSIONS holds one folder (<student>/*.ipynb) or one zip (<student>.zip) per student.",
            "Each submission runs in JVMs of its own with the kit's own check cells; --out gets gradebook.csv,",
            "junit.xml, and per student and chapter results.json and feedback.html. Run it again with the",
            "same --out to go on after a stop: submissions already graded (same file) are kept."},
        subcommands = GradeCommand.Merge.class)
public final class GradeCommand implements Callable<Integer> {

    // Neither is "required" to picocli, which would then refuse `grade merge ...`; call() checks them.
    @Parameters(index = "0", arity = "0..1", paramLabel = "SUBMISSIONS", description = "the folder of students' folders or zips")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", description = "where the outputs go (required)")
    Path out;

    @Option(names = "--jobs", defaultValue = "1", paramLabel = "N", description = "submissions graded at once (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--timeout", defaultValue = "300s", paramLabel = "DURATION",
            description = "wall-clock limit of one submission, e.g. 300s or 5m (default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--memory", defaultValue = "1g", paramLabel = "SIZE",
            description = "heap of each submission's JVM, e.g. 512m or 1g (default: ${DEFAULT-VALUE})")
    String memory;

    @Option(names = "--chapters", split = ",", paramLabel = "NN", description = "only these chapters, e.g. 02,03 (default: all)")
    List<String> chapters = new ArrayList<>();

    @Option(names = "--shard", defaultValue = "1/1", paramLabel = "K/N", description = "grade only the K-th of N parts of the class")
    String shard;

    @Option(names = "--slowdown", defaultValue = "1", paramLabel = "F",
            description = "the checks' base slowdown factor, for a slow machine (default: ${DEFAULT-VALUE})")
    double slowdown;

    @Option(names = "--max-threads", defaultValue = "2000", paramLabel = "N",
            description = "live platform threads beyond which a submission is stopped as a thread bomb (default: ${DEFAULT-VALUE})")
    int maxThreads;

    @Override
    public Integer call() {
        if (submissions == null || out == null) {
            throw new IllegalArgumentException("give the submissions folder and --out, as in: ./course grade "
                    + "submissions --out grades (or ./course grade merge DIR... --out DIR)");
        }
        GraderOptions options = options(timeout, memory, jobs, slowdown, maxThreads, chapters, Shard.parse(shard));
        List<SubmissionGrade> grades = new ClassGrader(options, System.out).grade(submissions, out);
        GradeOutputs.write(out, grades, options.chaptersToGrade(), System.out);
        return 0;
    }

    static GraderOptions options(String timeout, String memory, int jobs, double slowdown, int maxThreads,
                                 List<String> chapters, Shard shard) {
        GraderOptions defaults = GraderOptions.defaults();
        return new GraderOptions(duration(timeout), megabytes(memory), jobs, slowdown, defaults.learnerCellLimit(),
                maxThreads, chapters.stream().map(String::trim).map(GradeCommand::twoDigits).toList(), shard);
    }

    private static String twoDigits(String chapter) {
        return chapter.matches("\\d") ? "0" + chapter : chapter;
    }

    static Duration duration(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            } else if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            } else if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout takes a duration such as 300s or 5m, not \"" + text + "\"");
        }
    }

    static long megabytes(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (value.endsWith("g")) {
                return Long.parseLong(value.substring(0, value.length() - 1)) * 1024;
            } else if (value.endsWith("m")) {
                return Long.parseLong(value.substring(0, value.length() - 1));
            }
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--memory takes a size such as 512m or 1g, not \"" + text + "\"");
        }
    }

    /** {@code ./course grade merge DIR... --out DIR}: one gradebook from the outputs of several shards. */
    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge the outputs of shards (each a --out of './course grade --shard K/N') into one.")
    static final class Merge implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "the shards' output folders")
        List<Path> shards;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the merged outputs go")
        Path out;

        @Override
        public Integer call() {
            List<SubmissionGrade> grades = GradeOutputs.merge(shards, out);
            GradeOutputs.write(out, grades, GradeOutputs.chaptersIn(grades), System.out);
            return 0;
        }
    }
}
