package ai.asyncjava.kit.checks;

import ai.asyncjava.kit.display.KernelDisplay;
import ai.asyncjava.kit.display.RichOutput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What one run of an exercise's checks found: one {@link CheckResult} per check, in order.
 * As a notebook cell's last expression it shows itself as a table (HTML in Jupyter, text
 * elsewhere); {@link #toJson()} gives graders the same facts.
 *
 * @param exercise the exercise's title
 * @param results  one row per check
 * @param millis   how long the whole run took
 */
public record CheckReport(String exercise, List<CheckResult> results, long millis) implements RichOutput {

    static {
        // The first report of a session teaches the running kernel (if it is IJava) to show
        // reports as HTML; elsewhere this does nothing.
        KernelDisplay.registerWithRunningKernel();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public CheckReport {
        results = List.copyOf(results);
    }

    /** True when there was at least one check and every check passed. */
    public boolean allPassed() {
        return !results.isEmpty() && results.stream().allMatch(CheckResult::passed);
    }

    public long passedCount() {
        return results.stream().filter(CheckResult::passed).count();
    }

    /** The rows that did not pass (failed or not run). */
    public List<CheckResult> problems() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** The row of the check with this display name, if there is one. */
    public CheckResult result(String check) {
        return results.stream().filter(r -> r.check().equals(check)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check named \"" + check + "\" in " + exercise));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String plainText() {
        return ReportText.render(this);
    }

    @Override
    public String html() {
        return ReportHtml.render(this);
    }

    @Override
    public Object jsonData() {
        return this;
    }

    @Override
    public String toString() {
        return plainText();
    }
}
