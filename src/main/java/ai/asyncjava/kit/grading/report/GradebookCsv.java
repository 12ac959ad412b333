package ai.asyncjava.kit.grading.report;

import ai.asyncjava.kit.grading.GradeStatus;
import ai.asyncjava.kit.grading.SubmissionGrade;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The gradebook: one CSV row per student, chapter and exercise, for an instructor's spreadsheet.
 * Reasons are free text (a learner's exception message can hold commas, quotes and line
 * breaks), so the file is written and read by Jackson's CSV module rather than by joining strings.
 */
public final class GradebookCsv {

    /** The columns, in order; the header line is exactly these names joined by commas. */
    public static final List<String> COLUMNS =
            List.of("student", "chapter", "exercise", "passed", "total", "score", "status", "reason");

    /** Names as a person sorts them ("alice" before "Bob"), then exactly, so the order is total. */
    static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    /** Submissions by student, then chapter: the order of the gradebook and of the JUnit report. */
    static final Comparator<SubmissionGrade> BY_SUBMISSION =
            Comparator.comparing(SubmissionGrade::student, BY_NAME).thenComparing(SubmissionGrade::chapter, BY_NAME);

    // Quote a value only when it needs quotes: plain values stay readable in a text editor.
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private GradebookCsv() {}

    /**
     * Writes every exercise of every submission, sorted by student, then chapter, then the
     * exercise's place in its notebook (the order the learner met them in, not the ids' order).
     */
    public static void write(Path file, List<SubmissionGrade> grades) {
        List<GradebookRow> rows = grades.stream()
                .sorted(BY_SUBMISSION)
                .flatMap(grade -> grade.exercises().stream())
                .map(GradebookRow::of)
                .toList();
        writeRows(file, rows);
    }

    /** Writes these rows in the order given: for a gradebook merged from several. */
    public static void writeRows(Path file, List<GradebookRow> rows) {
        CsvSchema.Builder columns = CsvSchema.builder();
        COLUMNS.forEach(columns::addColumn);
        StringWriter text = new StringWriter();
        try (var writer = CSV.writer(columns.build().withHeader()).writeValues(text)) {
            for (GradebookRow row : rows) {
                writer.write(List.of(row.student(), row.chapter(), row.exercise(), row.passed(), row.total(),
                        score(row.score()), row.status().label(), row.reason()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        ReportFiles.write(file, text.toString());
    }

    /** "0.75", "0.00", "1.00": two decimals with a point whatever the machine's locale. */
    static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    /**
     * The rows of a gradebook this class wrote, in file order.
     *
     * @throws IllegalArgumentException when the file's header is not the gradebook's, or a row is malformed
     */
    public static List<GradebookRow> read(Path file) {
        List<List<String>> lines;
        try (MappingIterator<List<String>> values = CSV.readerForListOf(String.class).readValues(file.toFile())) {
            lines = values.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(COLUMNS)) {
            throw new IllegalArgumentException(file + " is not a gradebook: its header is not " + String.join(",", COLUMNS));
        }
        List<GradebookRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            rows.add(row(file, i + 1, lines.get(i)));
        }
        return rows;
    }

    private static GradebookRow row(Path file, int line, List<String> values) {
        if (values.size() != COLUMNS.size()) {
            throw new IllegalArgumentException(file + ", row " + line + ": " + values.size() + " values, not "
                    + COLUMNS.size());
        }
        try {
            return new GradebookRow(values.get(0), values.get(1), values.get(2), Integer.parseInt(values.get(3)),
                    Integer.parseInt(values.get(4)), Double.parseDouble(values.get(5)),
                    GradeStatus.ofLabel(values.get(6)), values.get(7));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ", row " + line + ": " + e.getMessage(), e);
        }
    }
}
