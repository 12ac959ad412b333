package ai.asyncjava.kit.exercises.ch04;

import java.util.List;

/**
 * One text with its embedding vector, as the embedding stage passes it on.
 *
 * @param text   the text that was embedded
 * @param values its embedding, as the API returned it
 */
public record Embedded(String text, List<Float> values) {

    /** "text → [0.012, -0.034, 0.101, ...] (768 values)": short enough to print in a log line. */
    @Override
    public String toString() {
        if (values == null) {
            return text + " → no embedding";
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(3, values.size()); i++) {
            shown.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.3f", values.get(i)));
        }
        return text + " → [" + shown + (values.size() > 3 ? ", ..." : "") + "] (" + values.size() + " values)";
    }
}
