package ai.asyncjava.kit.checks;

/** A check report as an HTML table, for Jupyter. Inline styles: notebooks carry no CSS. */
final class ReportHtml {

    private ReportHtml() {}

    static String render(CheckReport report) {
        StringBuilder html = new StringBuilder();
        String colour = report.allPassed() ? "#1a7f37" : "#cf222e";
        html.append("<div class=\"course-check-report\">")
                .append("<p style=\"font-weight:bold;color:").append(colour).append("\">")
                .append(escape(ReportText.headline(report))).append("</p>")
                .append("<table style=\"border-collapse:collapse\">");
        for (CheckResult result : report.results()) {
            html.append("<tr style=\"vertical-align:top;border-top:1px solid #ddd\">")
                    .append("<td style=\"padding:4px 8px\">").append(ReportText.symbol(result.status())).append("</td>")
                    .append("<td style=\"padding:4px 8px;text-align:left\">").append(escape(result.check())).append("</td>")
                    .append("<td style=\"padding:4px 8px;text-align:left;white-space:pre-wrap\">")
                    .append(escape(result.message()));
            if (!result.learnerFrames().isEmpty()) {
                html.append("<pre style=\"margin:4px 0 0 0\">");
                for (String frame : result.learnerFrames()) {
                    html.append("at ").append(escape(frame)).append('\n');
                }
                html.append("</pre>");
            }
            html.append("</td></tr>");
        }
        return html.append("</table></div>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
