package ai.asyncjava.kit.checks;


/** A check report as plain text: what a terminal, or a kernel without HTML, shows. */
final class ReportText {

    private ReportText() {}

    static String render(CheckReport report) {
        StringBuilder text = new StringBuilder();
        text.append(headline(report)).append('\n');
        for (CheckResult result : report.results()) {
            text.append("  ").append(symbol(result.status())).append(' ').append(result.check()).append('\n');
            for (String line : result.message().lines().toList()) {
                text.append("      ").append(line).append('\n');
            }
            for (String frame : result.learnerFrames()) {
                text.append("        at ").append(frame).append('\n');
            }
        }
        return text.toString();
    }

    /** "Exercise: 3 of 4 checks passed (1.2 s)", shared with the HTML form. */
    static String headline(CheckReport report) {
        String seconds = Wording.seconds(java.time.Duration.ofMillis(report.millis()));
        String verdict = report.allPassed()
                ? "all " + report.results().size() + " checks passed"
                : report.passedCount() + " of " + report.results().size() + " checks passed";
        return report.exercise() + ": " + verdict + " (" + seconds + ")";
    }

    static String symbol(CheckStatus status) {
        return switch (status) {
            case PASSED -> "✔";
            case FAILED -> "✘";
            case NOT_RUN -> "–";
        };
    }
}
