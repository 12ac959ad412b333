package ai.asyncjava.kit.grading.report;

import ai.asyncjava.kit.checks.CheckStatus;
import ai.asyncjava.kit.grading.CheckRow;
import ai.asyncjava.kit.grading.ExerciseGrade;
import ai.asyncjava.kit.grading.SubmissionGrade;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The whole batch as a JUnit XML report, the format CI servers (GitHub Actions, GitLab, Jenkins)
 * show as a test summary: one test suite per submission, one test case per check. Written with
 * StAX, which escapes what learners' messages hold; characters XML 1.0 cannot carry at all (a
 * stray NUL from a learner's output) are dropped, since no escape would make the file parse.
 */
public final class JunitXml {

    private JunitXml() {}

    public static void write(Path file, List<SubmissionGrade> grades) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            newLine(xml, 0);
            xml.writeStartElement("testsuites");
            attribute(xml, "tests", grades.stream().mapToInt(JunitXml::tests).sum());
            attribute(xml, "failures", grades.stream().mapToInt(grade -> count(grade, CheckStatus.FAILED)).sum());
            attribute(xml, "errors", grades.stream().mapToInt(JunitXml::errors).sum());
            attribute(xml, "skipped", grades.stream().mapToInt(grade -> count(grade, CheckStatus.NOT_RUN)).sum());
            attribute(xml, "time", seconds(grades.stream().mapToLong(SubmissionGrade::millis).sum()));
            // In the gradebook's order, not the order grading happened to finish in: two runs of
            // one batch give the same file.
            for (SubmissionGrade grade : grades.stream().sorted(GradebookCsv.BY_SUBMISSION).toList()) {
                suite(xml, grade);
            }
            newLine(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            newLine(xml, 0);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        ReportFiles.write(file, text.toString());
    }

    private static void suite(XMLStreamWriter xml, SubmissionGrade grade) throws XMLStreamException {
        newLine(xml, 1);
        xml.writeStartElement("testsuite");
        attribute(xml, "name", grade.student() + "/" + grade.chapter());
        attribute(xml, "tests", tests(grade));
        attribute(xml, "failures", count(grade, CheckStatus.FAILED));
        attribute(xml, "errors", errors(grade));
        attribute(xml, "skipped", count(grade, CheckStatus.NOT_RUN));
        attribute(xml, "time", seconds(grade.millis()));
        for (ExerciseGrade exercise : grade.exercises()) {
            String className = grade.student() + "." + grade.chapter() + "." + exercise.exercise();
            if (exercise.checks().isEmpty()) {
                // Nothing ran: one case for the exercise, an error (not a failure) because no
                // check could judge the code.
                String reason = exercise.reason().isEmpty() ? exercise.status().label() : exercise.reason();
                startCase(xml, className, exercise.title(), 0);
                newLine(xml, 3);
                xml.writeStartElement("error");
                attribute(xml, "message", reason);
                attribute(xml, "type", exercise.status().label());
                text(xml, reason);
                xml.writeEndElement();
                endCase(xml, true);
            }
            for (CheckRow row : exercise.checks()) {
                startCase(xml, className, row.name(), row.millis());
                boolean nested = row.status() != CheckStatus.PASSED || row.rerun() != CheckRow.Rerun.NONE;
                String details = CheckText.details(row, grade.limits());
                switch (row.status()) {
                    case FAILED -> {
                        newLine(xml, 3);
                        xml.writeStartElement("failure");
                        attribute(xml, "message", row.message());
                        text(xml, details);
                        xml.writeEndElement();
                    }
                    case NOT_RUN -> {
                        newLine(xml, 3);
                        xml.writeEmptyElement("skipped");
                        attribute(xml, "message", row.message());
                    }
                    case PASSED -> {
                        // A pass that needed a second run is worth a line in the log: the
                        // grading machine was too loaded for that check.
                        if (nested) {
                            newLine(xml, 3);
                            xml.writeStartElement("system-out");
                            text(xml, details);
                            xml.writeEndElement();
                        }
                    }
                }
                endCase(xml, nested);
            }
        }
        newLine(xml, 1);
        xml.writeEndElement();
    }

    private static void startCase(XMLStreamWriter xml, String className, String name, long millis)
            throws XMLStreamException {
        newLine(xml, 2);
        xml.writeStartElement("testcase");
        attribute(xml, "classname", className);
        attribute(xml, "name", name);
        attribute(xml, "time", seconds(millis));
    }

    private static void endCase(XMLStreamWriter xml, boolean nested) throws XMLStreamException {
        if (nested) {
            newLine(xml, 2);
        }
        xml.writeEndElement();
    }

    private static int tests(SubmissionGrade grade) {
        return grade.exercises().stream().mapToInt(exercise -> Math.max(1, exercise.checks().size())).sum();
    }

    private static int errors(SubmissionGrade grade) {
        return (int) grade.exercises().stream().filter(exercise -> exercise.checks().isEmpty()).count();
    }

    private static int count(SubmissionGrade grade, CheckStatus status) {
        return (int) grade.exercises().stream().flatMap(exercise -> exercise.checks().stream())
                .filter(row -> row.status() == status).count();
    }

    /** Seconds with three decimals and a point, as JUnit writes them. */
    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    // Indentation, so that a person can read the file too; CI servers ignore it.
    private static void newLine(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static void attribute(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        xml.writeAttribute(name, xmlChars(String.valueOf(value)));
    }

    private static void text(XMLStreamWriter xml, String text) throws XMLStreamException {
        xml.writeCharacters(xmlChars(text));
    }

    /** The text without the characters XML 1.0 has no place for, even escaped. */
    static String xmlChars(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(JunitXml::allowedInXml).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
