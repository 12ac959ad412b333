package ai.asyncjava.kit.grading.report;

import ai.asyncjava.kit.checks.CheckStatus;
import ai.asyncjava.kit.grading.CheckRow;
import ai.asyncjava.kit.grading.ExerciseGrade;
import ai.asyncjava.kit.grading.GradeStatus;
import ai.asyncjava.kit.grading.GradingLimits;
import ai.asyncjava.kit.grading.SubmissionGrade;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A submission's {@code results.json} in the Exercism test-runner format, version 3
 * (https://exercism.org/docs/building/tooling/test-runners/interface): a format that learning
 * platforms and course tools already read, so the grader's results can go where an instructor
 * already works. One test per check, in the notebook's order.
 */
public final class ExercismResults {

    /** The spec's limit on a test's {@code output}. */
    static final int OUTPUT_LIMIT = 500;

    private static final String CUT = "… (cut to " + OUTPUT_LIMIT + " characters)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExercismResults() {}

    public static void write(Path file, SubmissionGrade grade) {
        try {
            ReportFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results(grade)) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static ObjectNode results(SubmissionGrade grade) {
        ObjectNode results = JSON.createObjectNode();
        results.put("version", 3);
        String status = status(grade);
        results.put("status", status);
        if (status.equals("error")) {
            results.put("message", errorMessage(grade));
        }
        ArrayNode tests = results.putArray("tests");
        for (ExerciseGrade exercise : grade.exercises()) {
            if (exercise.checks().isEmpty()) {
                ObjectNode test = tests.addObject();
                test.put("name", exercise.title());
                test.put("status", "error");
                test.put("message", reason(exercise));
                test.putNull("output");
                taskId(test, exercise);
            }
            for (CheckRow row : exercise.checks()) {
                tests.add(test(exercise, row, grade.limits()));
            }
        }
        return results;
    }

    /**
     * "pass" when every exercise got full marks; "error" when the submission could not be run at
     * all (the spec keeps "error" for a run in which no test ran); "fail" otherwise.
     */
    static String status(SubmissionGrade grade) {
        if (couldNotRun(grade)) {
            return "error";
        }
        return grade.exercises().stream().allMatch(ExerciseGrade::fullMarks) ? "pass" : "fail";
    }

    /**
     * No exercise was graded and not one check ran: a notebook missing or not this course's, or
     * every exercise stopped (compile error, crash, out of memory, time limit) before a check ran.
     */
    static boolean couldNotRun(SubmissionGrade grade) {
        return grade.exercises().stream().allMatch(exercise -> exercise.status() != GradeStatus.GRADED
                && exercise.checks().stream().allMatch(row -> row.status() == CheckStatus.NOT_RUN));
    }

    /** The exercises' reasons, each once: a notebook that failed as a whole gives one reason for all. */
    private static String errorMessage(SubmissionGrade grade) {
        Set<String> reasons = new LinkedHashSet<>();
        grade.exercises().forEach(exercise -> reasons.add(reason(exercise)));
        if (reasons.isEmpty()) {
            reasons.addAll(grade.notes());
        }
        return reasons.isEmpty() ? "The notebook has no exercises to grade." : String.join("\n", reasons);
    }

    private static String reason(ExerciseGrade exercise) {
        return exercise.reason().isEmpty() ? exercise.status().label() : exercise.reason();
    }

    private static ObjectNode test(ExerciseGrade exercise, CheckRow row, GradingLimits limits) {
        ObjectNode test = JSON.createObjectNode();
        test.put("name", exercise.title() + ": " + row.name());
        test.put("status", switch (row.status()) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case NOT_RUN -> "error";
        });
        if (row.passed()) {
            test.putNull("message");
        } else {
            String details = CheckText.details(row, limits);
            test.put("message", details.isEmpty() ? row.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') : details);
        }
        // A passing re-run check has no message, so the first run's failure goes in the output,
        // where it is shown without turning the test red.
        if (row.rerun() != CheckRow.Rerun.NONE && !row.firstMessage().isEmpty()) {
            test.put("output", capped("First run, " + CheckText.firstRun(limits) + ": " + row.firstMessage()));
        } else {
            test.putNull("output");
        }
        test.put("test_code", row.name());
        taskId(test, exercise);
        return test;
    }

    // The spec's task_id is an integer (the task's number in the exercise's instructions);
    // notebooks have no numbered tasks, so, as the grading issue asks, it is the exercise's id,
    // which names the task just as well and stays right when exercises are reordered.
    private static void taskId(ObjectNode test, ExerciseGrade exercise) {
        test.put("task_id", exercise.exercise());
    }

    /** The text, cut with a note to at most {@value #OUTPUT_LIMIT} characters, as the spec asks. */
    static String capped(String text) {
        if (text.length() <= OUTPUT_LIMIT) {
            return text;
        }
        int end = OUTPUT_LIMIT - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split an emoji in half
        }
        return text.substring(0, end) + CUT;
    }
}
