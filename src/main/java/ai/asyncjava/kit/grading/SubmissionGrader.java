package ai.asyncjava.kit.grading;

import ai.asyncjava.kit.checks.Wording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Grades one submission in worker JVMs, one attempt after another until every exercise has an
 * answer. An attempt that ends early (an exit, an out-of-memory, a cell that never returns)
 * settles the exercise it was in, and the next attempt, in a fresh JVM, takes the rest; a cell
 * of the learner's that never returns is left out of the next attempt. So one bad cell costs
 * only what it touched, and every exercise ends with exactly one grade.
 */
final class SubmissionGrader {

    /** The grading of one submission as it goes. */
    static final class Work {
        final Submission submission;
        final Map<String, ExerciseState> exercises = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        final TreeSet<Integer> skippedCells = new TreeSet<>();
        final TreeSet<Integer> declarationsOnly = new TreeSet<>();
        long millis;

        Work(Submission submission) {
            this.submission = submission;
            submission.chapter().exercises().forEach(e -> exercises.put(e.id(), new ExerciseState(e)));
        }

        /** Per exercise, the checks to run again alone. */
        Map<String, List<String>> toRerun() {
            Map<String, List<String>> rerun = new LinkedHashMap<>();
            exercises.forEach((id, state) -> {
                List<String> methods = state.toRerun();
                if (!methods.isEmpty()) {
                    rerun.put(id, methods);
                }
            });
            return rerun;
        }
    }

    private final WorkerProcess workers;
    private final GraderOptions options;

    SubmissionGrader(WorkerProcess workers, GraderOptions options) {
        this.workers = workers;
        this.options = options;
    }

    /** The parallel phase: every exercise's checks, at the raised slowdown factor. */
    Work firstPass(Submission submission, double slowdown, Path scratch) {
        Work work = new Work(submission);
        Map<String, List<String>> all = new LinkedHashMap<>();
        work.exercises.keySet().forEach(id -> all.put(id, null));
        attempts(work, all, slowdown, false, scratch);
        return work;
    }

    /** The re-run phase: each failing check once more, alone, at the base factor. */
    void rerun(Work work, Path scratch) {
        Map<String, List<String>> failing = work.toRerun();
        if (!failing.isEmpty()) {
            attempts(work, failing, options.slowdown(), true, scratch);
        }
    }

    private void attempts(Work work, Map<String, List<String>> units, double slowdown, boolean rerun, Path scratch) {
        Map<String, List<String>> pending = new LinkedHashMap<>(units);
        long deadline = System.nanoTime() + options.timeout().toNanos();
        int maxAttempts = 3 + pending.size() + 3;
        for (int attemptNumber = 1; attemptNumber <= maxAttempts && !pending.isEmpty(); attemptNumber++) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                settleAll(work, pending, rerun, GradeStatus.TIMEOUT, "its checks were not reached within the submission's "
                        + Wording.seconds(options.timeout()) + " limit");
                return;
            }
            Path attemptDir = newAttemptDir(scratch, rerun, attemptNumber);
            Attempt attempt;
            try {
                Path notebook = Files.copy(work.submission.notebook(), attemptDir.resolve("notebook.ipynb"));
                WorkerJob job = new WorkerJob(notebook.toString(), work.submission.chapter().id(),
                        List.copyOf(pending.keySet()), List.copyOf(work.skippedCells), List.copyOf(work.declarationsOnly),
                        rerun ? onlyChecks(pending) : Map.of(), slowdown, options.learnerCellLimit().toMillis(),
                        options.maxThreads(), null);
                attempt = Attempt.read(workers.run(job, attemptDir, left));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + attemptDir, e);
            } finally {
                deleteTree(attemptDir);
            }
            work.millis += attempt.millis();
            record(work, attempt, pending, rerun);
            if (rerun && attempt.leftRunningExercise != null && pending.remove(attempt.leftRunningExercise) != null) {
                // Its code never returns: running its other checks again would only get stuck again.
                work.notes.add("The re-run of \"" + title(work, attempt.leftRunningExercise) + "\" stopped at the first "
                        + "check that got stuck again; the first results of its other checks stand.");
            }
            Optional<Attempt.Stop> stop = attempt.stop(options.memoryMb(), options.maxThreads(),
                    Wording.seconds(options.timeout()));
            if (stop.isEmpty()) {
                if (attempt.done) {
                    break;
                }
                continue; // checks left code running: a fresh JVM for the exercises after them
            }
            Attempt.Step step = stop.get().step();
            if (step.inChecks()) {
                pending.remove(step.exercise());
                if (rerun) {
                    work.notes.add("The re-run of \"" + title(work, step.exercise()) + "\" ended early: "
                            + stop.get().reason() + "; its first results stand.");
                } else {
                    work.exercises.get(step.exercise()).stop(stop.get().status(), "while its checks ran, "
                            + stop.get().reason());
                }
            } else if (step.cell() > 0 && !work.declarationsOnly.contains(step.cell())
                    && !work.skippedCells.contains(step.cell()) && step.wholeCell()) {
                // Keep the cell's classes, drop the statements that ended the JVM.
                work.declarationsOnly.add(step.cell());
                if (!rerun) {
                    work.notes.add("Cell " + step.cell() + ": " + stop.get().reason()
                            + "; the grader ran only its declarations (classes, methods, imports) after that.");
                }
            } else if (step.cell() > 0 && !work.skippedCells.contains(step.cell())) {
                work.skippedCells.add(step.cell());
                if (!rerun) {
                    work.notes.add("Cell " + step.cell() + ": " + stop.get().reason()
                            + "; the grader left it out and graded the rest without it.");
                }
            } else {
                String where = step.cell() > 0 ? "in cell " + step.cell() + ", " : "before any cell ran, ";
                settleAll(work, pending, rerun, stop.get().status(), where + stop.get().reason());
                return;
            }
        }
        settleAll(work, pending, rerun, GradeStatus.CRASHED, "the grader gave up after " + maxAttempts
                + " attempts in fresh JVMs");
    }

    private void record(Work work, Attempt attempt, Map<String, List<String>> pending, boolean rerun) {
        if (!rerun) {
            for (Attempt.CellError error : attempt.cellErrors) {
                String note = "Cell " + error.cell() + (error.compile() ? " did not compile: " : " failed: ")
                        + ExerciseState.shorten(messageOf(error.message()));
                if (!work.notes.contains(note)) {
                    work.notes.add(note);
                }
            }
        }
        for (Attempt.Report report : attempt.reports) {
            work.exercises.get(report.exercise()).report(report.report(), rerun);
            List<String> methods = pending.get(report.exercise());
            if (rerun && methods != null) {
                List<String> left = new ArrayList<>(methods);
                left.removeAll(report.methods());
                if (left.isEmpty()) {
                    pending.remove(report.exercise());
                } else {
                    pending.put(report.exercise(), left);
                }
            } else {
                pending.remove(report.exercise());
            }
        }
        for (Attempt.CheckError error : attempt.checkErrors) {
            pending.remove(error.exercise());
            if (!rerun) {
                work.exercises.get(error.exercise()).stop(
                        error.compile() ? GradeStatus.COMPILE_ERROR : GradeStatus.CRASHED,
                        checkCellReason(work, error));
            }
        }
    }

    /**
     * Why a check cell could not use the learner's classes: the learner's own cells that did not
     * compile (or were left out) first, since they are the cause, then what the check cell said.
     */
    private static String checkCellReason(Work work, Attempt.CheckError error) {
        String said = messageOf(error.message());
        List<String> causes = work.notes.stream()
                .filter(note -> note.contains(" did not compile: ") || note.contains("the grader left it out")).toList();
        String what = error.compile() ? "so the check cell could not use your class (" + said + ")"
                : "the check cell failed: " + said;
        return causes.isEmpty() ? (error.compile() ? "the check cell did not compile: " + said : what)
                : String.join("; ", causes) + "; " + what;
    }

    /** A cell error's messages without its heading and the source lines it quotes. */
    static String messageOf(String describe) {
        List<String> lines = describe.lines().filter(line -> !line.startsWith("|   "))
                .filter(line -> !line.matches("Cell \\d+ does not compile:"))
                .filter(line -> !line.strip().startsWith("location:")).toList();
        // javac's "cannot find symbol / symbol: class X" on one line: "cannot find symbol: class X".
        return String.join(" ", lines).replaceAll("cannot find symbol\\s+symbol:\\s+", "cannot find symbol: ")
                .replaceAll("\\s+", " ").strip();
    }

    private static void settleAll(Work work, Map<String, List<String>> pending, boolean rerun, GradeStatus status,
                                  String reason) {
        if (rerun) {
            if (!pending.isEmpty()) {
                work.notes.add("The re-runs were cut short (" + reason + "); the first results stand for "
                        + String.join(", ", pending.keySet()) + ".");
            }
        } else {
            pending.keySet().forEach(id -> work.exercises.get(id).stop(status, reason));
        }
        pending.clear();
    }

    private static String title(Work work, String exerciseId) {
        return work.exercises.get(exerciseId).exercise.title();
    }

    private static Map<String, List<String>> onlyChecks(Map<String, List<String>> pending) {
        Map<String, List<String>> only = new LinkedHashMap<>();
        pending.forEach((id, methods) -> only.put(id, methods == null ? List.of() : List.copyOf(methods)));
        return only;
    }

    private static Path newAttemptDir(Path scratch, boolean rerun, int attempt) {
        try {
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch, (rerun ? "rerun-" : "attempt-") + attempt + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a working directory under " + scratch, e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover scratch file is not worth failing a grade for
        }
    }

    /** The grade of every exercise, once both phases are over. */
    SubmissionGrade grade(Work work, GradingLimits limits) {
        Submission submission = work.submission;
        List<ExerciseGrade> grades = work.exercises.values().stream()
                .map(state -> state.grade(submission.student(), submission.chapter().id())).toList();
        return new SubmissionGrade(submission.student(), submission.chapter().id(), submission.fileName(),
                submission.sha256(), grades, work.notes, limits, work.millis);
    }
}
