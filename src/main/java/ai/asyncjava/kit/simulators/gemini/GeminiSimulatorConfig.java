package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Everything a {@link GeminiSimulator} does: port, key, latencies, quota, faults and the script
 * that decides answers. Start from a preset and change what you need:
 * <pre>{@code
 * GeminiSimulatorConfig.freeTier().withQuota(GeminiQuota.perWindow(5, Duration.ofSeconds(2)))
 * GeminiSimulatorConfig.fast().withFaults(FaultSettings.none().withShare(Fault.UNAVAILABLE, 0.2))
 * }</pre>
 *
 * @param port        the loopback port; 0 for any free one
 * @param apiKey      the key clients must send in {@code x-goog-api-key}
 * @param latencies   per-method delays, before {@code timeScale}
 * @param timeScale   multiplies every delay: 1 for real time, 0.01 for quick tests
 * @param quota       requests (and tokens) per window per model
 * @param faults      which share of calls fail, and how
 * @param script      decides each generation's answer
 * @param latencySeed seeds the latency draws, so a run's delays repeat
 * @param thoughtSignatures whether the model behaves like a thinking one (Gemini 3): the first
 *                    function call of each reply carries a {@code thoughtSignature} that must come
 *                    back unchanged, and function responses must echo their calls' ids
 * @param watchForDisconnects whether the simulator sees a client hang up the moment it does (a
 *                    timeout, a cancelled hedge, a stream closed half-way), ending the call's
 *                    simulated work and logging it as abandoned; off in every preset. See
 *                    {@link #withWatchForDisconnects(boolean)}.
 */
public record GeminiSimulatorConfig(int port, String apiKey, GeminiLatencies latencies, double timeScale,
                                    GeminiQuota quota, FaultSettings faults, GeminiScript script, long latencySeed,
                                    boolean thoughtSignatures, boolean watchForDisconnects) {

    /** The key the simulator expects unless told otherwise. Not a secret: it only opens the simulator. */
    public static final String DEFAULT_API_KEY = "simulator-key";

    /** The names {@link #preset(String)} knows. */
    public static final List<String> PRESETS = List.of("realistic", "free-tier", "fast", "research");

    public GeminiSimulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("no such port: " + port);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the simulator needs an API key to expect");
        }
        if (timeScale < 0) {
            throw new IllegalArgumentException("the time scale cannot be negative");
        }
    }

    /** A configuration that does not watch for clients that hang up. */
    public GeminiSimulatorConfig(int port, String apiKey, GeminiLatencies latencies, double timeScale,
                                 GeminiQuota quota, FaultSettings faults, GeminiScript script, long latencySeed,
                                 boolean thoughtSignatures) {
        this(port, apiKey, latencies, timeScale, quota, faults, script, latencySeed, thoughtSignatures, false);
    }

    /** A configuration of a non-thinking model (no thought signatures). */
    public GeminiSimulatorConfig(int port, String apiKey, GeminiLatencies latencies, double timeScale,
                                 GeminiQuota quota, FaultSettings faults, GeminiScript script, long latencySeed) {
        this(port, apiKey, latencies, timeScale, quota, faults, script, latencySeed, false);
    }

    /** For notebooks: real-feeling delays (about a second per answer), no quota, no faults. */
    public static GeminiSimulatorConfig realistic() {
        return new GeminiSimulatorConfig(0, DEFAULT_API_KEY, GeminiLatencies.realistic(), 1.0,
                GeminiQuota.unlimited(), FaultSettings.none(), new DefaultScript(), 1);
    }

    /** Like {@link #realistic()} with the free tier's quota: 10 requests per model per fast-forwarded window. */
    public static GeminiSimulatorConfig freeTier() {
        return realistic().withQuota(GeminiQuota.freeTier());
    }

    /** For tests: no delays, no quota, no faults. */
    public static GeminiSimulatorConfig fast() {
        return realistic().withLatencies(GeminiLatencies.none());
    }

    /**
     * For chapter 06's research agent: {@link #realistic()} pacing with a stream's first chunk after
     * about 400 ms, a thinking model (thought signatures on, ids echoed) and the
     * {@link ResearchScript}, which searches in rounds and then answers with citations.
     */
    public static GeminiSimulatorConfig research() {
        GeminiLatencies latencies = GeminiLatencies.realistic().withStreaming(
                LatencyModel.logNormal(Duration.ofMillis(400), 0.2),
                LatencyModel.uniform(Duration.ofMillis(60), Duration.ofMillis(140)));
        return realistic().withLatencies(latencies).withScript(new ResearchScript()).withThoughtSignatures(true);
    }

    /** The preset called {@code name}: one of {@link #PRESETS} ({@code default} means realistic). */
    public static GeminiSimulatorConfig preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "realistic", "default" -> realistic();
            case "free-tier", "free", "freetier" -> freeTier();
            case "fast", "test" -> fast();
            case "research" -> research();
            default -> throw new IllegalArgumentException(
                    "unknown preset '" + name + "'; choose one of " + String.join(", ", PRESETS));
        };
    }

    public GeminiSimulatorConfig withPort(int newPort) {
        return new GeminiSimulatorConfig(newPort, apiKey, latencies, timeScale, quota, faults, script, latencySeed,
                thoughtSignatures, watchForDisconnects);
    }

    public GeminiSimulatorConfig withApiKey(String newKey) {
        return new GeminiSimulatorConfig(port, newKey, latencies, timeScale, quota, faults, script, latencySeed,
                thoughtSignatures, watchForDisconnects);
    }

    public GeminiSimulatorConfig withLatencies(GeminiLatencies newLatencies) {
        return new GeminiSimulatorConfig(port, apiKey, newLatencies, timeScale, quota, faults, script, latencySeed,
                thoughtSignatures, watchForDisconnects);
    }

    public GeminiSimulatorConfig withTimeScale(double newScale) {
        return new GeminiSimulatorConfig(port, apiKey, latencies, newScale, quota, faults, script, latencySeed,
                thoughtSignatures, watchForDisconnects);
    }

    public GeminiSimulatorConfig withQuota(GeminiQuota newQuota) {
        return new GeminiSimulatorConfig(port, apiKey, latencies, timeScale, newQuota, faults, script, latencySeed,
                thoughtSignatures, watchForDisconnects);
    }

    public GeminiSimulatorConfig withFaults(FaultSettings newFaults) {
        return new GeminiSimulatorConfig(port, apiKey, latencies, timeScale, quota, newFaults, script, latencySeed,
                thoughtSignatures, watchForDisconnects);
    }

    public GeminiSimulatorConfig withScript(GeminiScript newScript) {
        return new GeminiSimulatorConfig(port, apiKey, latencies, timeScale, quota, faults, newScript, latencySeed,
                thoughtSignatures, watchForDisconnects);
    }

    public GeminiSimulatorConfig withLatencySeed(long seed) {
        return new GeminiSimulatorConfig(port, apiKey, latencies, timeScale, quota, faults, script, seed,
                thoughtSignatures, watchForDisconnects);
    }

    public GeminiSimulatorConfig withThoughtSignatures(boolean on) {
        return new GeminiSimulatorConfig(port, apiKey, latencies, timeScale, quota, faults, script, latencySeed,
                on, watchForDisconnects);
    }

    /**
     * Whether to see clients hang up. On, every connection passes through a relay that copies its
     * bytes unchanged and notices the moment the client closes it; a call still being "worked on"
     * (waiting out its latency, between two stream chunks, hanging as a fault) then stops at once
     * and is logged as abandoned: status 499, ended when the client left
     * ({@link ai.asyncjava.kit.simulators.LoggedRequest#abandoned()}). Off (every preset), a
     * handler learns of it only if writing its answer fails, which a small answer usually does
     * not: the call looks answered (200) when its latency is over. Fixed when the simulator starts.
     */
    public GeminiSimulatorConfig withWatchForDisconnects(boolean on) {
        return new GeminiSimulatorConfig(port, apiKey, latencies, timeScale, quota, faults, script, latencySeed,
                thoughtSignatures, on);
    }

    /** The delays in force: {@link #latencies()} times {@link #timeScale()}. */
    public GeminiLatencies effectiveLatencies() {
        return timeScale == 1.0 ? latencies : latencies.scaled(timeScale);
    }

    /** One line for a banner: latency, quota, faults. */
    public String summary() {
        GeminiLatencies in = effectiveLatencies();
        return "generation " + in.generate() + ", quota: " + quota + ", faults: " + faults
                + (thoughtSignatures ? ", thought signatures" : "")
                + (watchForDisconnects ? ", watching for clients that hang up" : "");
    }
}
