package ai.asyncjava.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.checks.CheckStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From check reports to a gradebook row: statuses, reasons, and the re-run alone. */
class ExerciseStateTest {

    private final GradedExercise slidingWindow = CourseChapters.byId("02").orElseThrow().exercise("sliding-window")
            .orElseThrow();
    private final List<String> names = List.copyOf(slidingWindow.checks().values());

    /** A report where the checks at {@code failing} (by index) failed with {@code message}. */
    private JsonNode report(Map<Integer, String> failing) {
        ObjectNode report = WorkerEvents.JSON.createObjectNode();
        ArrayNode results = report.putArray("results");
        for (int i = 0; i < names.size(); i++) {
            ObjectNode row = results.addObject();
            row.put("check", names.get(i));
            row.put("status", failing.containsKey(i) ? "FAILED" : "PASSED");
            row.put("message", failing.getOrDefault(i, ""));
            row.putArray("learnerFrames");
            row.put("millis", 100);
        }
        return report;
    }

    private ExerciseGrade grade(ExerciseState state) {
        return state.grade("ann", "02");
    }

    @Test
    void allPassedIsFullMarksWithNoReason() {
        ExerciseState state = new ExerciseState(slidingWindow);
        state.report(report(Map.of()), false);
        ExerciseGrade grade = grade(state);
        assertEquals(GradeStatus.GRADED, grade.status());
        assertEquals(names.size(), grade.passed());
        assertEquals("", grade.reason());
        assertEquals(List.of(), state.toRerun());
    }

    @Test
    void theReasonNamesTheFirstFailingCheckAndCountsTheRest() {
        ExerciseState state = new ExerciseState(slidingWindow);
        state.report(report(Map.of(1, "let 11 through at once", 3, "too slow")), false);
        ExerciseGrade grade = grade(state);
        assertEquals(names.size() - 2, grade.passed());
        assertTrue(grade.reason().startsWith(names.get(1) + ": let 11 through at once"), grade.reason());
        assertTrue(grade.reason().endsWith("(and 1 more check did not pass)"), grade.reason());
        assertEquals(2, state.toRerun().size());
    }

    @Test
    void aCheckStoppedAtItsLimitIsATimeoutAndAStackOverflowACrash() {
        ExerciseState loop = new ExerciseState(slidingWindow);
        loop.report(report(Map.of(2, "Did not finish within 3 s. It was at acquire (cell 4, line 9).")), false);
        assertEquals(GradeStatus.TIMEOUT, grade(loop).status());
        ExerciseState recursion = new ExerciseState(slidingWindow);
        recursion.report(report(Map.of(0, "acquire() threw StackOverflowError")), false);
        assertEquals(GradeStatus.CRASHED, grade(recursion).status());
    }

    @Test
    void aCheckThatPassesAloneCountsAndSaysSo() {
        ExerciseState state = new ExerciseState(slidingWindow);
        state.report(report(Map.of(4, "waited 90 ms too long")), false);
        String method = state.toRerun().getFirst();
        ObjectNode alone = WorkerEvents.JSON.createObjectNode();
        ObjectNode row = alone.putArray("results").addObject();
        row.put("check", names.get(4));
        row.put("status", "PASSED");
        row.put("message", "");
        row.putArray("learnerFrames");
        row.put("millis", 80);
        state.report(alone, true);
        ExerciseGrade grade = grade(state);
        assertEquals(names.size(), grade.passed());
        CheckRow rerun = grade.checks().get(4);
        assertEquals(CheckRow.Rerun.PASSED_ALONE, rerun.rerun());
        assertEquals("waited 90 ms too long", rerun.firstMessage());
        assertEquals(slidingWindow.checks().keySet().stream().toList().get(4), method);
    }

    @Test
    void checksMissingFromAReportCountAsNotRun() {
        ExerciseState state = new ExerciseState(slidingWindow);
        ObjectNode partial = (ObjectNode) report(Map.of());
        ((ArrayNode) partial.get("results")).remove(names.size() - 1);
        state.report(partial, false);
        ExerciseGrade grade = grade(state);
        assertEquals(names.size() - 1, grade.passed());
        assertEquals(CheckStatus.NOT_RUN, grade.checks().getLast().status());
    }

    @Test
    void aSavedGradeRestoresTheSameGrade() {
        ExerciseState state = new ExerciseState(slidingWindow);
        state.report(report(Map.of(0, "nope")), false);
        ExerciseGrade first = grade(state);
        ExerciseState restored = new ExerciseState(slidingWindow);
        restored.restore(first);
        assertEquals(first, grade(restored));
        assertEquals(state.toRerun(), restored.toRerun());
        ExerciseState stopped = new ExerciseState(slidingWindow);
        stopped.stop(GradeStatus.OUT_OF_MEMORY, "ran out of memory");
        ExerciseState restoredStop = new ExerciseState(slidingWindow);
        restoredStop.restore(grade(stopped));
        assertEquals(grade(stopped), grade(restoredStop));
    }

    @Test
    void reasonsAreOneShortLine() {
        String shortened = ExerciseState.shorten("first line\n   second " + "x".repeat(400));
        assertTrue(shortened.length() <= 300 && !shortened.contains("\n") && shortened.endsWith("…"), shortened);
    }
}
