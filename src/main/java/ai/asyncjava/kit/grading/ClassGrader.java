package ai.asyncjava.kit.grading;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Grades a class: finds every student's notebooks, grades the submissions not graded before
 * ({@code --jobs} at a time, each in JVMs of its own), runs each failing check again alone,
 * and saves every grade as it is finished. Writing the outputs is {@link GradeOutputs}' job.
 */
public final class ClassGrader {

    private final GraderOptions options;
    private final PrintStream console;
    private final int cores;

    public ClassGrader(GraderOptions options, PrintStream console) {
        this(options, console, Runtime.getRuntime().availableProcessors());
    }

    ClassGrader(GraderOptions options, PrintStream console, int cores) {
        this.options = options;
        this.console = console;
        this.cores = cores;
    }

    /** Grades {@code submissions} into {@code out} and returns every grade of this shard, old and new. */
    public List<SubmissionGrade> grade(Path submissions, Path out) {
        Path scratch = scratchDir(out);
        try {
            List<HandedIn> students = ClassFolder.read(submissions, scratch).stream()
                    .filter(student -> options.shard().includes(student.student())).toList();
            return gradeAll(students, out, scratch);
        } finally {
            SubmissionGrader.deleteTree(scratch);
        }
    }

    /** Grades the learner's own notebooks, as the student {@code student}. */
    public List<SubmissionGrade> gradeOwn(Path notebooks, String student, Path out) {
        Path scratch = scratchDir(out);
        try {
            HandedIn own = ClassFolder.readOne(student, notebooks);
            return gradeAll(List.of(own), out, scratch);
        } finally {
            SubmissionGrader.deleteTree(scratch);
        }
    }

    private List<SubmissionGrade> gradeAll(List<HandedIn> students, Path out, Path scratch) {
        NetworkIsolation isolation = NetworkIsolation.detect();
        double parallelSlowdown = options.parallelSlowdown(cores);
        GradingLimits limits = new GradingLimits(options.timeout(), options.memoryMb(), parallelSlowdown,
                options.jobs(), isolation.description());
        WorkerProcess workers = new WorkerProcess(WorkerSettings.likeThisJvm(options.memoryMb(), isolation));
        SubmissionGrader grader = new SubmissionGrader(workers, options);
        GradeStore store = new GradeStore(out);
        console.println("Grading " + students.size() + " student(s), chapters " + String.join(", ",
                options.chaptersToGrade()) + (options.shard().count() > 1 ? ", shard " + options.shard() : "")
                + "; " + options.jobs() + " at a time, slowdown " + parallelSlowdown + "; network: "
                + isolation.description());

        List<SubmissionGrade> finished = new ArrayList<>();
        List<Submission> toGrade = new ArrayList<>();
        for (HandedIn student : students) {
            finished.addAll(Placeholders.of(student, options.chaptersToGrade(), limits));
            for (Submission submission : student.notebooks()) {
                if (!options.chaptersToGrade().contains(submission.chapter().id())) {
                    continue;
                }
                var saved = store.find(student.student(), submission.chapter().id())
                        .filter(s -> s.grade().sha256().equals(submission.sha256()));
                if (saved.isPresent() && saved.get().rerunDone()) {
                    finished.add(saved.get().grade());
                } else {
                    toGrade.add(submission);
                }
            }
        }
        if (toGrade.size() < students.stream().mapToLong(s -> s.notebooks().size()).sum()) {
            console.println("Already graded with the same file: " + (students.stream()
                    .mapToLong(s -> s.notebooks().size()).sum() - toGrade.size()) + " submission(s), kept.");
        }

        java.util.Map<String, SubmissionGrader.Work> works = new java.util.concurrent.ConcurrentHashMap<>();
        // Phase 1: everything, jobs at a time.
        List<SubmissionGrade> firstPass = inParallel("Grading", toGrade, options.jobs(), submission -> {
            var saved = store.find(submission.student(), submission.chapter().id())
                    .filter(s -> s.grade().sha256().equals(submission.sha256()));
            if (saved.isPresent()) {
                return saved.get().grade(); // graded before the last run stopped; only its re-runs are left
            }
            SubmissionGrader.Work work = grader.firstPass(submission, parallelSlowdown,
                    scratch.resolve(ClassFolder.safe(submission.student())).resolve(submission.chapter().id()));
            works.put(key(submission.student(), submission.chapter().id()), work);
            SubmissionGrade grade = grader.grade(work, limits);
            store.save(submission.student(), submission.chapter().id(), new GradeStore.Saved(grade, false));
            return grade;
        });

        // Phase 2: each failing check once more, alone: one submission at a time, at the base factor.
        List<SubmissionGrade> toRerun = firstPass.stream().filter(Reruns::needed).toList();
        List<SubmissionGrade> rerun = inParallel("Re-running failing checks alone", toRerun, 1, first -> {
            Submission submission = toGrade.stream().filter(s -> s.student().equals(first.student())
                    && s.chapter().id().equals(first.chapter())).findFirst().orElseThrow();
            SubmissionGrader.Work work = works.containsKey(key(first.student(), first.chapter()))
                    ? works.get(key(first.student(), first.chapter())) : Reruns.resume(submission, first);
            grader.rerun(work, scratch.resolve(ClassFolder.safe(submission.student())).resolve("rerun-"
                    + submission.chapter().id()));
            SubmissionGrade grade = grader.grade(work, limits);
            store.save(submission.student(), submission.chapter().id(), new GradeStore.Saved(grade, true));
            return grade;
        });
        for (SubmissionGrade grade : firstPass) {
            if (!Reruns.needed(grade)) {
                store.save(grade.student(), grade.chapter(), new GradeStore.Saved(grade, true));
                finished.add(grade);
            }
        }
        finished.addAll(rerun);
        List<SubmissionGrade> all = attachNotes(finished, students);
        store.replaceStudents(all);
        return all;
    }

    private <T> List<SubmissionGrade> inParallel(String task, List<T> items, int jobs,
                                                 Function<T, SubmissionGrade> gradeOne) {
        if (items.isEmpty()) {
            return List.of();
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(items.size())
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(
                        console)).showSpeed().build();
             ExecutorService pool = Executors.newFixedThreadPool(jobs)) {
            List<Future<SubmissionGrade>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    try {
                        return gradeOne.apply(item);
                    } finally {
                        bar.step();
                    }
                }));
            }
            List<SubmissionGrade> grades = new ArrayList<>();
            for (Future<SubmissionGrade> future : futures) {
                try {
                    grades.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the grader itself failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while grading", e);
                }
            }
            return grades;
        }
    }

    private static String key(String student, String chapter) {
        return student + "\u0000" + chapter;
    }

    private static SubmissionGrade withNotes(SubmissionGrade grade, List<String> notes) {
        if (notes.isEmpty()) {
            return grade;
        }
        List<String> all = new ArrayList<>(grade.notes());
        notes.stream().filter(note -> !all.contains(note)).forEach(all::add);
        return new SubmissionGrade(grade.student(), grade.chapter(), grade.notebook(), grade.sha256(),
                grade.exercises(), all, grade.limits(), grade.millis());
    }

    /** A student's notes (a notebook handed in twice) go with each of their gradable submissions. */
    private static List<SubmissionGrade> attachNotes(List<SubmissionGrade> grades, List<HandedIn> students) {
        List<SubmissionGrade> result = new ArrayList<>();
        for (SubmissionGrade grade : grades) {
            List<String> notes = students.stream().filter(s -> s.student().equals(grade.student()))
                    .flatMap(s -> s.notes().stream()).toList();
            result.add(withNotes(grade, notes));
        }
        result.sort(Comparator.comparing(SubmissionGrade::student).thenComparing(SubmissionGrade::chapter)
                .thenComparing(SubmissionGrade::notebook));
        return result;
    }

    private static Path scratchDir(Path out) {
        try {
            Files.createDirectories(out);
            return Files.createTempDirectory("course-grade-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch folder", e);
        }
    }
}
