package ai.asyncjava.kit.simulators.gemini;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the Gemini simulator answers, computed without a server, so checks can compare a
 * learner's output with the expected one. The simulator's default script uses exactly these.
 */
public final class GeminiAnswers {

    /** The dimensionality of gemini-embedding-001 vectors when none is asked for. */
    public static final int DEFAULT_EMBEDDING_DIMENSIONS = 3072;

    private GeminiAnswers() {
    }

    /**
     * The simulator's answer to a single prompt (no tools). A sum such as "What is two times 12?"
     * is answered correctly, with the result in digits and in words: "2 times 12 is 24
     * (twenty-four). ..."; any other prompt gets a few stable sentences quoting it.
     */
    public static String answerTo(String prompt) {
        return Arithmetic.solve(prompt).map(GeminiAnswers::describe).orElseGet(() -> ProseWriter.answer(prompt));
    }

    /** The result of the sum in {@code prompt} ("What is seven plus 5?" → 12), if it has one. */
    public static Optional<BigDecimal> arithmeticResult(String prompt) {
        return Arithmetic.solve(prompt).map(Arithmetic.Solution::result);
    }

    /** The embedding the simulator returns for {@code text} at {@code dimensions}: a unit vector. */
    public static List<Float> embedding(String text, int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("an embedding needs at least one dimension");
        }
        float[] vector = TextEmbedder.embed(text, dimensions);
        List<Float> values = new ArrayList<>(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        return values;
    }

    /** The embedding at the default dimensionality, {@value #DEFAULT_EMBEDDING_DIMENSIONS}. */
    public static List<Float> embedding(String text) {
        return embedding(text, DEFAULT_EMBEDDING_DIMENSIONS);
    }

    /** The simulator's token count for {@code text}. */
    public static int tokenCount(String text) {
        return TokenCounter.count(text);
    }

    /** Cosine similarity of two vectors of equal length: 1 for the same direction. */
    public static double cosine(List<Float> a, List<Float> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.size() + " and " + b.size());
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += a.get(i) * b.get(i);
            normA += a.get(i) * a.get(i);
            normB += b.get(i) * b.get(i);
        }
        return dot / Math.sqrt(normA * normB);
    }

    private static String describe(Arithmetic.Solution s) {
        BigDecimal result = s.result();
        String words = isWhole(result) && result.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) < 0
                ? " (" + NumberWords.spell(result.longValueExact()) + ")"
                : "";
        return s.left().toPlainString() + " " + s.operation() + " " + s.right().toPlainString() + " is "
                + result.toPlainString() + words + ". I worked it out step by step and checked the result.";
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
