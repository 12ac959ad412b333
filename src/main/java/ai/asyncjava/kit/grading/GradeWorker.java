package ai.asyncjava.kit.grading;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.CheckSelection;
import ai.asyncjava.kit.checks.CodeLeftRunning;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.notebook.CellScope;
import ai.asyncjava.kit.notebook.CellSession;
import ai.asyncjava.kit.notebook.Notebook;
import ai.asyncjava.kit.notebook.NotebookRunner;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The grader's worker: the {@code main} of the JVM that grades one submission. It runs the
 * learner's cells, then the kit's own check cells, and keeps a journal ({@link WorkerEvents})
 * of each step. Whatever the learner's code does to this JVM (exit, run out of memory, start
 * threads without end, never return) the journal tells the grader where it happened.
 */
public final class GradeWorker {

    static final int EXIT_LEFT_RUNNING = 70;
    static final int EXIT_CELL_LOST = 71;
    static final int EXIT_THREAD_BOMB = 72;

    /** What a check cell may take beyond its checks' own budget: JShell compiling it, the report. */
    private static final Duration CHECK_CELL_MARGIN = Duration.ofSeconds(15);

    private final WorkerJob job;
    private final WorkerEvents events;
    private volatile boolean finished;

    private GradeWorker(WorkerJob job, WorkerEvents events) {
        this.job = job;
        this.events = events;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GradeWorker JOB.json (the grader starts this; it is not for people)");
            System.exit(2);
        }
        // The token comes first, before any learner code can read standard input.
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        WorkerJob job = WorkerEvents.JSON.readValue(Path.of(args[0]).toFile(), WorkerJob.class);
        Tolerances.fixSlowdown(job.slowdown());
        new GradeWorker(job, new WorkerEvents(Path.of(job.events()), token)).run();
    }

    private void run() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                events.write(events.event(WorkerEvents.EXIT_CALLED)); // System.exit in learner code
            }
        }));
        watchThreadCount();
        GradedChapter chapter = CourseChapters.byId(job.chapter()).orElseThrow();
        Notebook notebook = Notebook.read(Path.of(job.notebook()));
        events.write(events.event(WorkerEvents.STARTED));
        try (CellSession session = new CellSession(NotebookRunner.currentClassPath())) {
            List<LearnerCells.Cell> cells = LearnerCells.of(notebook, job.declarationsOnly());
            for (LearnerCells.Cell cell : cells) {
                if (!job.skipCells().contains(cell.number())) {
                    runLearnerCell(session, cell);
                }
            }
            int checkCellNumber = cells.isEmpty() ? 1 : cells.getLast().number() + 1;
            for (String exerciseId : job.exercises()) {
                GradedExercise exercise = chapter.exercise(exerciseId).orElseThrow();
                List<String> only = job.onlyChecks() == null ? null : job.onlyChecks().get(exerciseId);
                if (only == null) {
                    CheckSelection.all();
                    runChecks(session, exercise, List.of(), checkCellNumber);
                } else {
                    for (String method : only) { // each failing check again, alone
                        CheckSelection.only(List.of(method));
                        runChecks(session, exercise, List.of(method), checkCellNumber);
                    }
                }
            }
            events.write(events.event(WorkerEvents.DONE));
            finished = true;
        }
        System.out.flush();
        Runtime.getRuntime().halt(0); // learner threads left behind must not keep this JVM alive
    }

    private void runLearnerCell(CellSession session, LearnerCells.Cell cell) {
        ObjectNode started = events.event(WorkerEvents.CELL);
        started.put("cell", cell.number());
        started.put("scope", cell.scope().name());
        events.write(started);
        CellSession.CellRun run = session.run(cell.source(), cell.number(), cell.scope(),
                Duration.ofMillis(job.learnerCellMillis()));
        run.error().ifPresent(error -> {
            ObjectNode failed = events.event(WorkerEvents.CELL_ERROR);
            failed.put("cell", cell.number());
            failed.put("compile", run.didNotCompile());
            failed.put("message", error.describe());
            events.write(failed);
        });
        if (run.sessionLost()) {
            halt(EXIT_CELL_LOST);
        }
    }

    private void runChecks(CellSession session, GradedExercise exercise, List<String> methods, int cellNumber) {
        ObjectNode started = events.event(WorkerEvents.CHECK);
        started.put("exercise", exercise.id());
        started.set("methods", WorkerEvents.JSON.valueToTree(methods));
        events.write(started);
        CellSession.CellRun run = session.run(exercise.checkCall(), cellNumber, CellScope.EVERYTHING,
                checkCellLimit(exercise));
        if (run.value() instanceof CheckReport report) {
            ObjectNode reported = events.event(WorkerEvents.REPORT);
            reported.put("exercise", exercise.id());
            reported.set("methods", WorkerEvents.JSON.valueToTree(methods));
            reported.set("report", WorkerEvents.JSON.valueToTree(report));
            events.write(reported);
        } else {
            ObjectNode failed = events.event(WorkerEvents.CHECK_ERROR);
            failed.put("exercise", exercise.id());
            failed.put("compile", run.didNotCompile());
            failed.put("message", run.error().map(e -> e.describe()).orElse("the check cell gave no report"));
            events.write(failed);
        }
        if (run.sessionLost()) {
            halt(EXIT_CELL_LOST);
        }
        CodeLeftRunning.where().ifPresent(where -> {
            ObjectNode left = events.event(WorkerEvents.LEFT_RUNNING);
            left.put("exercise", exercise.id());
            left.put("where", where);
            events.write(left);
            halt(EXIT_LEFT_RUNNING); // it would skew every later check's timing
        });
    }

    private Duration checkCellLimit(GradedExercise exercise) {
        HiddenChecks settings = exercise.exercise().checkClass().getAnnotation(HiddenChecks.class);
        Duration budget = Tolerances.scaled(Duration.ofMillis(Math.round(settings.secondsInAll() * 1000)));
        return budget.multipliedBy(2).plus(CHECK_CELL_MARGIN);
    }

    /** Ends the JVM at once on a thread bomb, before it takes the machine down with it. */
    private void watchThreadCount() {
        Thread watcher = new Thread(() -> {
            var threads = ManagementFactory.getThreadMXBean();
            while (true) {
                int count = threads.getThreadCount();
                if (count > job.maxThreads()) {
                    ObjectNode bomb = events.event(WorkerEvents.THREAD_BOMB);
                    bomb.put("threads", count);
                    events.write(bomb);
                    halt(EXIT_THREAD_BOMB);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "grader thread watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void halt(int status) {
        finished = true;
        Runtime.getRuntime().halt(status);
    }
}
