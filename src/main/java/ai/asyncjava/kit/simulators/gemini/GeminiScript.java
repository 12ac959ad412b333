package ai.asyncjava.kit.simulators.gemini;

/**
 * Decides what the simulated model answers to a generation request. The default,
 * {@link DefaultScript}, answers sums correctly and calls a declared tool once; chapters plug in
 * their own (a research agent's rounds of searches, say) with
 * {@link GeminiSimulatorConfig#withScript(GeminiScript)}. Called concurrently: keep it stateless
 * or thread-safe, and derive everything from the request so answers stay deterministic.
 */
@FunctionalInterface
public interface GeminiScript {

    /** The model's reply to {@code call}. */
    ModelReply reply(ModelCall call);
}
