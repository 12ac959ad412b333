package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.StableHash;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable embeddings: a text's vector is the sum of a fixed random vector per word plus a smaller
 * one for the whole text, scaled to length 1. Texts sharing words point in similar directions,
 * so retrieval examples behave sensibly; equal texts always get equal vectors; a shorter
 * dimensionality keeps the leading components, like Matryoshka-trained models.
 */
final class TextEmbedder {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final double WHOLE_TEXT_WEIGHT = 0.35;

    private TextEmbedder() {
    }

    static float[] embed(String text, int dimensions) {
        double[] sum = new double[dimensions];
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            addRandomVector(sum, StableHash.of(m.group()), 1.0);
        }
        addRandomVector(sum, StableHash.of("\u0001" + text.strip()), WHOLE_TEXT_WEIGHT);
        double norm = 0;
        for (double v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            unit[i] = (float) (sum[i] / norm);
        }
        return unit;
    }

    private static void addRandomVector(double[] into, long seed, double weight) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < into.length; i++) {
            into[i] += weight * (random.nextDouble() * 2 - 1);
        }
    }
}
