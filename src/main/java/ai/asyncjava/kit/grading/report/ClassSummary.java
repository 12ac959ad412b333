package ai.asyncjava.kit.grading.report;

import ai.asyncjava.kit.checks.CheckStatus;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.grading.ExerciseGrade;
import ai.asyncjava.kit.grading.GradeStatus;
import ai.asyncjava.kit.grading.SubmissionGrade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The batch at a glance, printed when grading ends: students down, chapters across, each cell
 * "7/9" (checks passed of all the chapter's checks), "5/9 timeout" when part of the notebook
 * could not be graded, or just the status ("missing", "compile-error") when none of it could;
 * then a line of totals. Plain ASCII, so columns line up in any terminal and in a CI log.
 */
public final class ClassSummary {

    private static final String GAP = "  ";

    private ClassSummary() {}

    /**
     * @param grades   the submissions graded
     * @param chapters the columns, in order; a submission of another chapter (a notebook the
     *                 grader could not place) is counted in the totals but has no column
     */
    public static String render(List<SubmissionGrade> grades, List<String> chapters) {
        Map<String, Map<String, SubmissionGrade>> byStudent = new HashMap<>();
        for (SubmissionGrade grade : grades) {
            byStudent.computeIfAbsent(grade.student(), student -> new HashMap<>()).putIfAbsent(grade.chapter(), grade);
        }
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("student"));
        header.addAll(chapters);
        table.add(header);
        TreeSet<String> students = new TreeSet<>(GradebookCsv.BY_NAME);
        students.addAll(byStudent.keySet());
        for (String student : students) {
            List<String> line = new ArrayList<>(List.of(student));
            chapters.forEach(chapter -> line.add(cell(byStudent.get(student).get(chapter))));
            table.add(line);
        }
        return aligned(table) + totals(grades, byStudent, chapters) + "\n";
    }

    /** "7/9", "5/9 timeout", "missing". */
    static String cell(SubmissionGrade grade) {
        if (grade == null) {
            return GradeStatus.MISSING.label();
        }
        String problem = problem(grade);
        String score = grade.passed() + "/" + grade.total();
        if (problem == null) {
            return score;
        }
        return anyCheckRan(grade) ? score + " " + problem : problem;
    }

    /** The status of the first exercise that was not graded, in notebook order; null when all were. */
    private static String problem(SubmissionGrade grade) {
        return grade.exercises().stream().map(ExerciseGrade::status).filter(status -> status != GradeStatus.GRADED)
                .findFirst().map(GradeStatus::label).orElse(null);
    }

    private static boolean anyCheckRan(SubmissionGrade grade) {
        return grade.exercises().stream().anyMatch(exercise -> exercise.status() == GradeStatus.GRADED
                || exercise.checks().stream().anyMatch(row -> row.status() != CheckStatus.NOT_RUN));
    }

    /**
     * "12 submissions, 5 with full marks, 1 partly graded, 3 not graded (2 missing, 1 timeout)".
     * A chapter a student handed nothing in for counts as missing, whether or not the grader
     * made a grade for it; missing notebooks are not submissions.
     */
    private static String totals(List<SubmissionGrade> grades, Map<String, Map<String, SubmissionGrade>> byStudent,
                                 List<String> chapters) {
        int submissions = 0;
        int fullMarks = 0;
        int partly = 0;
        Map<String, Integer> notGraded = new TreeMap<>();
        for (SubmissionGrade grade : grades) {
            String problem = problem(grade);
            if (problem != null && !anyCheckRan(grade)) {
                notGraded.merge(problem, 1, Integer::sum);
                submissions += problem.equals(GradeStatus.MISSING.label()) ? 0 : 1;
                continue;
            }
            submissions++;
            if (problem != null) {
                partly++;
            } else if (!grade.exercises().isEmpty() && grade.exercises().stream().allMatch(ExerciseGrade::fullMarks)) {
                fullMarks++;
            }
        }
        for (Map<String, SubmissionGrade> chaptersOfStudent : byStudent.values()) {
            long absent = chapters.stream().filter(chapter -> !chaptersOfStudent.containsKey(chapter)).count();
            if (absent > 0) {
                notGraded.merge(GradeStatus.MISSING.label(), (int) absent, Integer::sum);
            }
        }
        int notGradedCount = notGraded.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder line = new StringBuilder("Totals: ")
                .append(Wording.count(submissions, "submission")).append(", ")
                .append(fullMarks).append(" with full marks");
        if (partly > 0) {
            line.append(", ").append(partly).append(" partly graded");
        }
        line.append(", ").append(notGradedCount).append(" not graded");
        if (!notGraded.isEmpty()) {
            List<String> kinds = new ArrayList<>();
            notGraded.forEach((status, n) -> kinds.add(n + " " + status));
            line.append(" (").append(String.join(", ", kinds)).append(")");
        }
        return line.toString();
    }

    /** Every column as wide as its widest cell, two spaces apart, no trailing spaces. */
    private static String aligned(List<List<String>> table) {
        int columns = table.get(0).size();
        int[] widths = new int[columns];
        for (List<String> line : table) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], width(line.get(i)));
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : table) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = line.get(i);
                row.append(cell);
                if (i < columns - 1) {
                    row.append(" ".repeat(widths[i] - width(cell))).append(GAP);
                }
            }
            text.append(row.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    // A name with an accent or from another script is one column per character, not per UTF-16 unit.
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
