package ai.asyncjava.kit.grading;

import ai.asyncjava.kit.checks.CheckResult;
import ai.asyncjava.kit.checks.CheckStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the grader knows so far about one exercise of one submission: a row per check once its
 * report came back, or why it never did.
 */
final class ExerciseState {

    /** How long a reason in the gradebook may be; the feedback has the whole story. */
    private static final int REASON_LENGTH = 300;

    final GradedExercise exercise;
    /** Check method → row, for the checks that reported. */
    private final Map<String, CheckRow> rows = new LinkedHashMap<>();
    private GradeStatus stopStatus;
    private String stopReason;

    ExerciseState(GradedExercise exercise) {
        this.exercise = exercise;
    }

    boolean settled() {
        return !rows.isEmpty() || stopStatus != null;
    }

    /** Records a report of this exercise's checks, or of some of them (a re-run). */
    void report(JsonNode report, boolean rerun) {
        Map<String, String> methodByName = new LinkedHashMap<>();
        exercise.checks().forEach((method, name) -> methodByName.put(name, method));
        for (JsonNode result : report.path("results")) {
            String name = result.path("check").asText();
            String method = methodByName.getOrDefault(name, name);
            List<String> frames = new ArrayList<>();
            result.path("learnerFrames").forEach(frame -> frames.add(frame.asText()));
            CheckStatus status = CheckStatus.valueOf(result.path("status").asText());
            CheckRow fresh = new CheckRow(name, status, result.path("message").asText(), frames,
                    result.path("millis").asLong(), CheckRow.Rerun.NONE, "");
            CheckRow first = rows.get(method);
            if (rerun && first != null) {
                fresh = new CheckRow(name, status, fresh.message(), frames, fresh.millis(),
                        fresh.passed() ? CheckRow.Rerun.PASSED_ALONE : CheckRow.Rerun.FAILED_ALONE, first.message());
            }
            rows.put(method, fresh);
        }
    }

    /** Takes the state back from a grade saved after the first pass. */
    void restore(ExerciseGrade grade) {
        if (grade.checks().isEmpty()) {
            stop(grade.status(), grade.reason());
            return;
        }
        Map<String, String> methodByName = new LinkedHashMap<>();
        exercise.checks().forEach((method, name) -> methodByName.put(name, method));
        grade.checks().forEach(row -> rows.put(methodByName.getOrDefault(row.name(), row.name()), row));
    }

    /** Records that the checks could not run, or ended the JVM, and why. */
    void stop(GradeStatus status, String reason) {
        if (stopStatus == null) {
            stopStatus = status;
            stopReason = reason;
        }
    }

    /** The check methods to run again alone: those that did not pass, when the checks did run. */
    List<String> toRerun() {
        if (rows.isEmpty() || stopStatus != null) {
            return List.of();
        }
        List<String> methods = new ArrayList<>();
        exercise.checks().keySet().forEach(method -> {
            CheckRow row = rows.get(method);
            if (row == null || !row.passed()) {
                methods.add(method);
            }
        });
        return methods;
    }

    ExerciseGrade grade(String student, String chapter) {
        if (rows.isEmpty()) {
            GradeStatus status = stopStatus == null ? GradeStatus.CRASHED : stopStatus;
            String reason = stopReason == null ? "its checks never ran" : stopReason;
            return new ExerciseGrade(student, chapter, exercise.id(), exercise.title(), 0, exercise.total(), status,
                    shorten(reason), List.of());
        }
        List<CheckRow> all = new ArrayList<>();
        exercise.checks().forEach((method, name) -> all.add(rows.getOrDefault(method,
                CheckRow.notRun(name, "Not run: the checks ended before this one."))));
        int passed = (int) all.stream().filter(CheckRow::passed).count();
        GradeStatus status = GradeStatus.GRADED;
        String reason = "";
        List<CheckRow> failing = all.stream().filter(row -> !row.passed()).toList();
        CheckRow overran = all.stream().filter(row -> row.status() == CheckStatus.FAILED && row.message().startsWith(CheckResult.OVERRAN)).findFirst().orElse(null);
        CheckRow overflow = all.stream().filter(row -> row.message().contains("StackOverflowError")).findFirst().orElse(null);
        if (stopStatus != null) {
            status = stopStatus;
            reason = stopReason;
        } else if (overran != null) {
            status = GradeStatus.TIMEOUT;
            reason = overran.name() + ": " + overran.message();
        } else if (overflow != null) {
            status = GradeStatus.CRASHED;
            reason = overflow.name() + ": " + overflow.message();
        } else if (!failing.isEmpty()) {
            CheckRow first = failing.getFirst();
            reason = first.name() + ": " + first.message()
                    + (failing.size() > 1 ? " (and " + (failing.size() - 1) + " more check"
                    + (failing.size() > 2 ? "s" : "") + " did not pass)" : "");
        }
        return new ExerciseGrade(student, chapter, exercise.id(), exercise.title(), passed, exercise.total(), status,
                shorten(reason), all);
    }

    /** One line, at most {@value #REASON_LENGTH} characters. */
    static String shorten(String reason) {
        String line = reason.strip().replaceAll("\\s+", " ");
        return line.length() <= REASON_LENGTH ? line : line.substring(0, REASON_LENGTH - 1) + "…";
    }
}
