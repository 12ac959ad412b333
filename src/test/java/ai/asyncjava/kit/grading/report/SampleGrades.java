package ai.asyncjava.kit.grading.report;

import ai.asyncjava.kit.checks.CheckStatus;
import ai.asyncjava.kit.grading.CheckRow;
import ai.asyncjava.kit.grading.ExerciseGrade;
import ai.asyncjava.kit.grading.GradeStatus;
import ai.asyncjava.kit.grading.GradingLimits;
import ai.asyncjava.kit.grading.SubmissionGrade;
import java.time.Duration;
import java.util.List;

/** A small batch, built by hand, with every way a submission can end that the writers treat apart. */
final class SampleGrades {

    static final GradingLimits LIMITS = new GradingLimits(Duration.ofMinutes(5), 512, 2.0, 4, "no network: a proxy that refuses");

    /** A compile error's reason with everything a CSV, JSON, HTML or XML writer must escape. */
    static final String NASTY_REASON = "cannot find symbol, \"client\" <script>alert('x')</script>\nat line 2 & more";

    /** A first-run message longer than Exercism's 500-character output. */
    static final String LONG_FIRST_MESSAGE = "timed out after 2.0 s: " + "waiting for the quota ".repeat(40);

    static final String FRAME = "SlidingWindow.call (line 12)";

    private SampleGrades() {}

    static CheckRow passed(String name) {
        return new CheckRow(name, CheckStatus.PASSED, "", List.of(), 120, CheckRow.Rerun.NONE, "");
    }

    /** alice, chapter 02: one exercise graded (a re-run that passed, one that failed again), one that did not compile. */
    static SubmissionGrade aliceChapter02() {
        List<CheckRow> rows = List.of(
                passed("keeps the order"),
                new CheckRow("stays under the quota", CheckStatus.PASSED, "", List.of(), 300,
                        CheckRow.Rerun.PASSED_ALONE, LONG_FIRST_MESSAGE),
                new CheckRow("retries a 429", CheckStatus.FAILED, "gave up after 1 attempt", List.of(FRAME), 80,
                        CheckRow.Rerun.FAILED_ALONE, "timed out after 2.0 s"));
        ExerciseGrade window = new ExerciseGrade("alice", "02", "sliding-window", "Sliding window", 2, 3,
                GradeStatus.GRADED, "1 check failed", rows);
        ExerciseGrade fanOut = new ExerciseGrade("alice", "02", "fan-out", "Fan-out", 0, 2,
                GradeStatus.COMPILE_ERROR, NASTY_REASON, List.of());
        return new SubmissionGrade("alice", "02", "02-quotas.ipynb", "aa", List.of(window, fanOut),
                List.of("the cell after \"Try it\" did not compile & was left out"), LIMITS, 4321);
    }

    /** alice, chapter 01: 3 of 4. */
    static SubmissionGrade aliceChapter01() {
        List<CheckRow> rows = List.of(passed("a"), passed("b"), passed("c"),
                new CheckRow("d", CheckStatus.FAILED, "expected 3, got 2", List.of(), 10, CheckRow.Rerun.NONE, ""));
        return new SubmissionGrade("alice", "01", "01.ipynb", "ab",
                List.of(new ExerciseGrade("alice", "01", "lifecycle", "Lifecycle", 3, 4, GradeStatus.GRADED,
                        "1 check failed", rows)), List.of(), LIMITS, 1000);
    }

    /** bob handed nothing in for chapter 02. */
    static SubmissionGrade bobMissing() {
        String reason = "no notebook handed in for chapter 02";
        return new SubmissionGrade("bob", "02", "", "", List.of(
                new ExerciseGrade("bob", "02", "sliding-window", "Sliding window", 0, 3, GradeStatus.MISSING, reason, List.of()),
                new ExerciseGrade("bob", "02", "fan-out", "Fan-out", 0, 2, GradeStatus.MISSING, reason, List.of())),
                List.of(), LIMITS, 0);
    }

    /** carol's notebook ran out of memory before any check of chapter 01 ran. */
    static SubmissionGrade carolOutOfMemory() {
        String reason = "the notebook ran out of its 512 MiB heap";
        return new SubmissionGrade("carol", "01", "01.ipynb", "cc", List.of(
                new ExerciseGrade("carol", "01", "lifecycle", "Lifecycle", 0, 2, GradeStatus.OUT_OF_MEMORY, reason,
                        List.of(CheckRow.notRun("a", reason), CheckRow.notRun("b", reason)))),
                List.of(), LIMITS, 9000);
    }

    /** Dave (capital D: sorted among the others, not before them) got full marks. */
    static SubmissionGrade daveFullMarks() {
        return new SubmissionGrade("Dave", "02", "02.ipynb", "dd", List.of(
                new ExerciseGrade("Dave", "02", "sliding-window", "Sliding window", 2, 2, GradeStatus.GRADED, "",
                        List.of(passed("keeps the order"), passed("stays under the quota")))),
                List.of(), LIMITS, 2000);
    }

    /** Every sample, in no particular order. */
    static List<SubmissionGrade> batch() {
        return List.of(daveFullMarks(), carolOutOfMemory(), aliceChapter02(), bobMissing(), aliceChapter01());
    }
}
