package ai.asyncjava.kit.grading.report;

import ai.asyncjava.kit.checks.CheckStatus;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.grading.CheckRow;
import ai.asyncjava.kit.grading.ExerciseGrade;
import ai.asyncjava.kit.grading.GradeStatus;
import ai.asyncjava.kit.grading.GradingLimits;
import ai.asyncjava.kit.grading.SubmissionGrade;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;

/**
 * A submission's {@code feedback.html}: the page an instructor hands back to a learner. It reads
 * like the check reports the learner saw in the notebook (same headline, same symbols, same
 * colours), adds the limits it was graded under, so that a learner can tell a loaded grading
 * machine from a slow solution, and is one self-contained file: inline CSS, no scripts, nothing
 * fetched, so it opens the same from an e-mail, a zip or a learning platform. Every piece of
 * text is escaped: names, messages and reasons can hold anything the learner's code printed.
 */
public final class FeedbackHtml {

    static final String PASS_COLOUR = "#1a7f37";
    static final String FAIL_COLOUR = "#cf222e";

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;\
            padding:0 1rem;color:#1f2328;line-height:1.4}
            h1{font-size:1.5rem;margin-bottom:.25rem}
            h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
            table{border-collapse:collapse}
            td,th{padding:4px 8px;text-align:left;vertical-align:top}
            .limits th{font-weight:normal;color:#59636e}
            .checks tr{border-top:1px solid #ddd}
            .headline{font-weight:bold}
            .pass{color:%s}
            .fail{color:%s}
            .not-run{color:#59636e}
            .message,.reason,.notes li{white-space:pre-wrap}
            pre{margin:4px 0 0 0;white-space:pre-wrap}
            .rerun{font-style:italic;color:#59636e;margin:4px 0 0 0}
            """.formatted(PASS_COLOUR, FAIL_COLOUR);

    private FeedbackHtml() {}

    public static void write(Path file, SubmissionGrade grade) {
        ReportFiles.write(file, render(grade));
    }

    static String render(SubmissionGrade grade) {
        String title = "Chapter " + grade.chapter() + ": feedback for " + grade.student();
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n")
                .append("<p class=\"notebook\">Notebook: ")
                .append(blank(grade.notebook()) ? "none handed in" : "<code>" + escape(grade.notebook()) + "</code>")
                .append("</p>\n")
                .append("<p class=\"overall\">").append(checksPassed(grade.passed(), grade.total()))
                .append(" in all, graded in ").append(escape(Wording.millis(grade.millis()))).append(".</p>\n");
        limits(html, grade.limits());
        if (!grade.notes().isEmpty()) {
            html.append("<h2>Notes</h2>\n<ul class=\"notes\">\n");
            grade.notes().forEach(note -> html.append("<li>").append(escape(note)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<h2>Exercises</h2>\n");
        for (ExerciseGrade exercise : grade.exercises()) {
            exercise(html, exercise, grade.limits());
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void limits(StringBuilder html, GradingLimits limits) {
        if (limits == null) {
            return;
        }
        html.append("<h2>How it was graded</h2>\n<table class=\"limits\">\n");
        limit(html, "Time limit", time(limits.timeout()) + " for the whole notebook");
        limit(html, "Memory", limits.memoryMb() + " MiB of heap");
        limit(html, "Slowdown", "×" + factor(limits.slowdown()) + " on the checks' time limits while graded alongside"
                + " other submissions; ×1 when a check was run again alone");
        limit(html, "Jobs", Wording.count(limits.jobs(), "submission") + " graded at once");
        limit(html, "Network", limits.network() == null ? "" : limits.network());
        html.append("</table>\n");
    }

    private static void limit(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    /** "2.0", "1.25": the factor as set, with a point whatever the machine's locale. */
    private static String factor(double slowdown) {
        return new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(slowdown);
    }

    /** "90 s", "5 min", "2 min 30 s": a time limit as a person says it. */
    private static String time(Duration duration) {
        if (duration == null) {
            return "none";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return Wording.seconds(duration);
        }
        return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }

    /** One exercise, shaped like the check report the notebook showed. */
    private static void exercise(StringBuilder html, ExerciseGrade exercise, GradingLimits limits) {
        String verdict = exercise.fullMarks() && exercise.total() > 1 ? "all " + exercise.total() + " checks passed"
                : checksPassed(exercise.passed(), exercise.total());
        html.append("<section class=\"exercise\">\n")
                .append("<p class=\"headline ").append(exercise.fullMarks() ? "pass" : "fail").append("\">")
                .append(escape(exercise.title() + ": " + verdict)).append("</p>\n");
        if (exercise.status() != GradeStatus.GRADED) {
            html.append("<p class=\"status\">Not graded: <strong>").append(escape(exercise.status().label()))
                    .append("</strong>");
            if (!exercise.reason().isEmpty()) {
                html.append(" — <span class=\"reason\">").append(escape(exercise.reason())).append("</span>");
            }
            html.append("</p>\n");
        }
        if (!exercise.checks().isEmpty()) {
            html.append("<table class=\"checks\">\n");
            exercise.checks().forEach(row -> check(html, row, limits));
            html.append("</table>\n");
        }
        html.append("</section>\n");
    }

    private static void check(StringBuilder html, CheckRow row, GradingLimits limits) {
        html.append("<tr><td class=\"").append(cssClass(row.status())).append("\">").append(symbol(row.status()))
                .append("</td><td>").append(escape(row.name())).append("</td><td>");
        if (!row.message().isEmpty()) {
            html.append("<div class=\"message\">").append(escape(row.message())).append("</div>");
        }
        if (!row.learnerFrames().isEmpty()) {
            html.append("<pre>");
            row.learnerFrames().forEach(frame -> html.append("at ").append(escape(frame)).append('\n'));
            html.append("</pre>");
        }
        String rerun = CheckText.rerun(row, limits);
        if (!rerun.isEmpty()) {
            html.append("<p class=\"rerun\">Re-run: ").append(escape(rerun)).append("</p>");
        }
        html.append("</td></tr>\n");
    }

    private static String checksPassed(int passed, int total) {
        return passed + " of " + total + (total == 1 ? " check" : " checks") + " passed";
    }

    private static String symbol(CheckStatus status) {
        return switch (status) {
            case PASSED -> "✔";
            case FAILED -> "✘";
            case NOT_RUN -> "–";
        };
    }

    private static String cssClass(CheckStatus status) {
        return switch (status) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case NOT_RUN -> "not-run";
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Text made safe anywhere in the page, attribute values included. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        text.chars().forEach(c -> escaped.append(switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> String.valueOf((char) c);
        }));
        return escaped.toString();
    }
}
