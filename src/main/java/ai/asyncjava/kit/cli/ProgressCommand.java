package ai.asyncjava.kit.cli;

import ai.asyncjava.kit.grading.ClassGrader;
import ai.asyncjava.kit.grading.GradeOutputs;
import ai.asyncjava.kit.grading.GraderOptions;
import ai.asyncjava.kit.grading.Shard;
import ai.asyncjava.kit.grading.SubmissionGrade;
import ai.asyncjava.kit.setup.CourseHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The learner's dashboard: grades their own notebooks as the batch grader would. */
@Command(name = "progress", mixinStandardHelpOptions = true,
        description = "Grade your own notebooks/ as the grader does; show what passes.",
        footer = {"", "Save your notebooks first: it grades the files, not what is open in Jupyter."})
public final class ProgressCommand implements Callable<Integer> {

    @Option(names = "--chapters", split = ",", paramLabel = "NN", description = "only these chapters, e.g. 02,03 (default: all)")
    List<String> chapters = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N", description = "chapters graded at once (default: half the cores, at least 1)")
    Integer jobs;

    @Option(names = "--notebooks", paramLabel = "DIR", description = "the notebooks to grade (default: the course's notebooks/)")
    Path notebooks;

    @Override
    public Integer call() {
        CourseHome home = CourseHome.fromSystemProperties();
        int parallel = jobs != null ? jobs : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        int maxThreads = GraderOptions.defaults().maxThreads();
        GraderOptions options = GradeCommand.options("300s", "1g", parallel, 1, maxThreads, chapters, Shard.WHOLE);
        Path out = home.stateDir().resolve("progress");
        Path folder = notebooks != null ? notebooks : home.notebooksDir();
        List<SubmissionGrade> grades = new ClassGrader(options, System.out).gradeOwn(folder, "you", out);
        System.out.println();
        System.out.print(GradeOutputs.progress(grades));
        System.out.println("Details, with every check's message: " + out.resolve("you") + "/<chapter>/feedback.html");
        GradeOutputs.writeQuietly(out, grades, options.chaptersToGrade());
        return 0;
    }
}
