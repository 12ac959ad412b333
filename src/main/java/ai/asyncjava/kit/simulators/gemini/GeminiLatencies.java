package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.LatencyModel;
import java.time.Duration;

/**
 * How long each Gemini method takes in the simulator.
 *
 * @param generate     a whole {@code generateContent} answer
 * @param firstChunk   a stream's first chunk (time to first token)
 * @param chunkGap     the pause between later stream chunks
 * @param embed        an embedding call, whatever its size
 * @param embedPerItem added per text in an embedding batch
 * @param countTokens  a {@code countTokens} call
 * @param models       listing or getting models
 */
public record GeminiLatencies(LatencyModel generate, LatencyModel firstChunk, LatencyModel chunkGap,
                              LatencyModel embed, Duration embedPerItem, LatencyModel countTokens,
                              LatencyModel models) {

    /**
     * The simulator's everyday pace: answers in about 0.9 s (log-normal, 9 in 10 between 0.6 and
     * 1.4 s), a quarter second per embedding batch. Quicker than the real model, whose
     * paragraph-long answers take several seconds, so that a notebook's demos take seconds.
     */
    public static GeminiLatencies realistic() {
        return new GeminiLatencies(
                LatencyModel.logNormal(Duration.ofMillis(900), 0.25),
                LatencyModel.logNormal(Duration.ofMillis(350), 0.25),
                LatencyModel.uniform(Duration.ofMillis(60), Duration.ofMillis(140)),
                LatencyModel.logNormal(Duration.ofMillis(250), 0.2),
                Duration.ofMillis(2),
                LatencyModel.fixed(Duration.ofMillis(40)),
                LatencyModel.fixed(Duration.ofMillis(20)));
    }

    /** No delays at all. */
    public static GeminiLatencies none() {
        LatencyModel zero = LatencyModel.none();
        return new GeminiLatencies(zero, zero, zero, zero, Duration.ZERO, zero, zero);
    }

    /** Every delay multiplied by {@code factor}. */
    public GeminiLatencies scaled(double factor) {
        return new GeminiLatencies(generate.scaled(factor), firstChunk.scaled(factor), chunkGap.scaled(factor),
                embed.scaled(factor), Duration.ofNanos(Math.round(embedPerItem.toNanos() * factor)),
                countTokens.scaled(factor), models.scaled(factor));
    }

    public GeminiLatencies withGenerate(LatencyModel model) {
        return new GeminiLatencies(model, firstChunk, chunkGap, embed, embedPerItem, countTokens, models);
    }

    public GeminiLatencies withStreaming(LatencyModel first, LatencyModel gap) {
        return new GeminiLatencies(generate, first, gap, embed, embedPerItem, countTokens, models);
    }

    public GeminiLatencies withEmbed(LatencyModel model, Duration perItem) {
        return new GeminiLatencies(generate, firstChunk, chunkGap, model, perItem, countTokens, models);
    }

    /** The same latency for every generation, stream and embedding call (others unchanged). */
    public GeminiLatencies withAllCalls(LatencyModel model) {
        return new GeminiLatencies(model, model, chunkGap, model, Duration.ZERO, countTokens, models);
    }
}
