package ai.asyncjava.kit.simulators.gemini;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the simulated model answers: text, function calls, or both (text first), and optionally
 * a plan of how a streamed answer is paced.
 * <p>
 * Without a plan ({@link #text(String)}, {@link #calls(List)}), a stream sends the text in a few
 * pieces, then each call in a chunk of its own, the configured chunk gap apart. With one
 * ({@link #planned(List)} or {@link #streamed()}), the stream sends exactly the planned chunks,
 * each {@link Chunk#delay()} after the one before (the first that long after the time to first
 * token); a non-streamed request gets the whole answer after the time to first token plus all the
 * delays. Planned delays are at time scale 1: the simulator multiplies them by its time scale.
 * <pre>{@code
 * ModelReply.streamed()
 *         .text(Duration.ZERO, "Searching: ")
 *         .call(Duration.ofMillis(150), new TurnPart.FunctionCall("search", Map.of("query", "a")))
 *         .call(Duration.ofMillis(150), new TurnPart.FunctionCall("search", Map.of("query", "b")))
 *         .build();
 * }</pre>
 *
 * @param text          the answer's text, possibly ""; with a plan, its chunks' texts joined
 * @param functionCalls the tools it asks the caller to run, possibly none; with a plan, its chunks' calls
 * @param plan          the chunks of a paced stream, or empty for the simulator's default pacing
 */
public record ModelReply(String text, List<TurnPart.FunctionCall> functionCalls, List<Chunk> plan) {

    /**
     * One planned stream chunk.
     *
     * @param delay         how long after the previous chunk it is sent (the first: after the time
     *                      to first token), at time scale 1
     * @param text          its text, possibly ""
     * @param functionCalls its function calls, possibly none
     */
    public record Chunk(Duration delay, String text, List<TurnPart.FunctionCall> functionCalls) {

        public Chunk {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a chunk's delay cannot be negative: " + delay);
            }
            text = text == null ? "" : text;
            functionCalls = List.copyOf(functionCalls);
        }

        /** A chunk of text only. */
        public static Chunk text(Duration delay, String text) {
            return new Chunk(delay, text, List.of());
        }

        /** A chunk of function calls only. */
        public static Chunk calls(Duration delay, List<TurnPart.FunctionCall> calls) {
            return new Chunk(delay, "", calls);
        }
    }

    public ModelReply {
        plan = List.copyOf(plan);
        if (plan.isEmpty()) {
            text = text == null ? "" : text;
            functionCalls = List.copyOf(functionCalls);
        } else {
            text = String.join("", plan.stream().map(Chunk::text).toList());
            functionCalls = plan.stream().flatMap(c -> c.functionCalls().stream()).toList();
        }
    }

    /** Text and calls, paced by the simulator's defaults. */
    public ModelReply(String text, List<TurnPart.FunctionCall> functionCalls) {
        this(text, functionCalls, List.of());
    }

    /** A plain text answer. */
    public static ModelReply text(String text) {
        return new ModelReply(text, List.of());
    }

    /** An answer that only calls tools. */
    public static ModelReply calls(List<TurnPart.FunctionCall> calls) {
        return new ModelReply("", calls);
    }

    /** An answer sent as exactly these chunks. */
    public static ModelReply planned(List<Chunk> chunks) {
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("a planned reply needs at least one chunk");
        }
        return new ModelReply("", List.of(), chunks);
    }

    /** Starts a planned reply, chunk by chunk. */
    public static Builder streamed() {
        return new Builder();
    }

    /** True when the reply says how it is paced. */
    public boolean hasPlan() {
        return !plan.isEmpty();
    }

    /** The total of the planned delays (zero without a plan), at time scale 1. */
    public Duration plannedDuration() {
        return plan.stream().map(Chunk::delay).reduce(Duration.ZERO, Duration::plus);
    }

    /** Collects the chunks of a planned reply. */
    public static final class Builder {
        private final List<Chunk> chunks = new ArrayList<>();

        private Builder() {
        }

        /** A chunk of text, {@code delay} after the previous chunk. */
        public Builder text(Duration delay, String text) {
            chunks.add(Chunk.text(delay, text));
            return this;
        }

        /** A chunk holding one function call, {@code delay} after the previous chunk. */
        public Builder call(Duration delay, TurnPart.FunctionCall call) {
            chunks.add(Chunk.calls(delay, List.of(call)));
            return this;
        }

        /** A chunk holding several function calls, {@code delay} after the previous chunk. */
        public Builder calls(Duration delay, List<TurnPart.FunctionCall> calls) {
            chunks.add(Chunk.calls(delay, calls));
            return this;
        }

        /** Any chunk. */
        public Builder chunk(Chunk chunk) {
            chunks.add(chunk);
            return this;
        }

        public ModelReply build() {
            return planned(chunks);
        }
    }
}
