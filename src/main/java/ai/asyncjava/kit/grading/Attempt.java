package ai.asyncjava.kit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one worker JVM's journal and exit say: the reports it finished, the cells that failed,
 * and, when it ended early, where it was and why.
 */
final class Attempt {

    /** A report the worker finished: for an exercise, with the check methods asked for (empty: all). */
    record Report(String exercise, List<String> methods, JsonNode report) {}

    /** A check cell that gave no report: it did not compile, or threw. */
    record CheckError(String exercise, boolean compile, String message) {}

    /** A learner cell that failed; the grading goes on after it. */
    record CellError(int cell, boolean compile, String message) {}

    /** Where the worker was when it ended early: a learner cell, or an exercise's checks. */
    record Step(int cell, boolean wholeCell, String exercise) {
        boolean inChecks() {
            return exercise != null;
        }
    }

    /** Why the worker ended early. */
    record Stop(Step step, GradeStatus status, String reason) {}

    private static final Pattern OUT_OF_MEMORY =
            Pattern.compile("Terminating due to java\\.lang\\.OutOfMemoryError: ([^\\r\\n]*)");

    final List<Report> reports = new ArrayList<>();
    final List<CheckError> checkErrors = new ArrayList<>();
    final List<CellError> cellErrors = new ArrayList<>();
    /** The exercise whose checks left code running that could not be stopped, and where. */
    String leftRunningExercise;
    String leftRunningWhere;
    boolean done;
    private Step step;
    private boolean threadBomb;
    private int threadsAtBomb;
    private boolean exitCalled;
    private final WorkerProcess.Ended ended;

    private Attempt(WorkerProcess.Ended ended) {
        this.ended = ended;
    }

    static Attempt read(WorkerProcess.Ended ended) {
        Attempt attempt = new Attempt(ended);
        for (JsonNode event : ended.events()) {
            String exercise = event.path("exercise").asText(null);
            switch (event.path("event").asText()) {
                case WorkerEvents.CELL -> attempt.step = new Step(event.path("cell").asInt(),
                        "EVERYTHING".equals(event.path("scope").asText()), null);
                case WorkerEvents.CELL_ERROR -> attempt.cellErrors.add(new CellError(event.path("cell").asInt(),
                        event.path("compile").asBoolean(), event.path("message").asText()));
                case WorkerEvents.CHECK -> attempt.step = new Step(0, false, exercise);
                case WorkerEvents.REPORT -> {
                    attempt.reports.add(new Report(exercise, strings(event.path("methods")), event.path("report")));
                    attempt.step = null;
                }
                case WorkerEvents.CHECK_ERROR -> {
                    attempt.checkErrors.add(new CheckError(exercise, event.path("compile").asBoolean(),
                            event.path("message").asText()));
                    attempt.step = null;
                }
                case WorkerEvents.LEFT_RUNNING -> {
                    attempt.leftRunningExercise = exercise;
                    attempt.leftRunningWhere = event.path("where").asText();
                }
                case WorkerEvents.THREAD_BOMB -> {
                    attempt.threadBomb = true;
                    attempt.threadsAtBomb = event.path("threads").asInt();
                }
                case WorkerEvents.EXIT_CALLED -> attempt.exitCalled = true;
                case WorkerEvents.DONE -> attempt.done = true;
                default -> { }
            }
        }
        return attempt;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    long millis() {
        return ended.millis();
    }

    /**
     * Why the worker ended before it was done; empty when it finished, or when it stopped on
     * purpose after checks that left code running (the next attempt takes the next exercise).
     */
    Optional<Stop> stop(long memoryMb, int maxThreads, String limitDescription) {
        if (done || (leftRunningExercise != null && !ended.killedAtLimit())) {
            return Optional.empty();
        }
        Step where = step == null ? new Step(0, false, null) : step;
        return Optional.of(new Stop(where, statusOf(), reasonOf(memoryMb, maxThreads, limitDescription)));
    }

    private GradeStatus statusOf() {
        if (ended.killedAtLimit() || ended.exitCode() == GradeWorker.EXIT_CELL_LOST) {
            return GradeStatus.TIMEOUT;
        }
        Optional<String> memory = outOfMemory();
        if (memory.isPresent() && !memory.get().contains("native thread")) {
            return GradeStatus.OUT_OF_MEMORY;
        }
        return GradeStatus.CRASHED;
    }

    private String reasonOf(long memoryMb, int maxThreads, String limitDescription) {
        if (ended.killedAtLimit()) {
            return "your code was still running when the submission's time was up (" + limitDescription + ")";
        }
        if (ended.exitCode() == GradeWorker.EXIT_CELL_LOST) {
            return "your code never finished, and Java could not stop it (an endless loop, or a wait for something that "
                    + "never comes)";
        }
        Optional<String> memory = outOfMemory();
        if (memory.isPresent()) {
            return memory.get().contains("native thread")
                    ? "your code started more threads than the machine allows (OutOfMemoryError: " + memory.get() + ")"
                    : "your code ran out of memory: OutOfMemoryError (" + memory.get() + ") with a heap of " + memoryMb + " MB";
        }
        if (threadBomb) {
            return "your code started " + threadsAtBomb + " platform threads at once (the grader allows " + maxThreads
                    + "): a thread bomb; use virtual threads or a bounded pool";
        }
        if (exitCalled) {
            return "your code called System.exit(" + ended.exitCode() + "), which ends the whole JVM; return or throw instead";
        }
        String lastLine = ended.outputTail().strip().lines().reduce((first, second) -> second).orElse("");
        return "the JVM ended unexpectedly with exit code " + ended.exitCode()
                + (lastLine.isEmpty() ? "" : ": " + lastLine);
    }

    private Optional<String> outOfMemory() {
        Matcher matcher = OUT_OF_MEMORY.matcher(ended.outputTail());
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1).strip();
        }
        return Optional.ofNullable(found);
    }
}
