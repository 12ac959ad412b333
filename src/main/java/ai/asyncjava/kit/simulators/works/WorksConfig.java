package ai.asyncjava.kit.simulators.works;

import ai.asyncjava.kit.simulators.Durations;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link WorksSimulator} does. The corpus follows from {@code seed} and {@code works}
 * alone; the rest is how the server behaves. Start from a preset and change what you need:
 * <pre>{@code
 * WorksConfig.realistic().withQuota(5, Duration.ofSeconds(1))
 * WorksConfig.fast().withFaults(FaultSettings.none().withShare(Fault.INTERNAL_ERROR, 0.1))
 * }</pre>
 *
 * @param port        the loopback port; 0 for any free one
 * @param seed        decides the corpus
 * @param works       how many works the corpus has, {@value #MIN_WORKS} to {@value #MAX_WORKS}
 * @param latency     how long each answer takes, before {@code timeScale} (a 429 or a 400 takes none)
 * @param timeScale   multiplies every delay: 1 for real time, 0.1 for quick demos
 * @param quota       the most requests per {@code quotaWindow}, counted on arrival; 0 for no limit
 * @param quotaWindow the quota's sliding window
 * @param faults      which share of requests fail, and how
 * @param latencySeed seeds the latency draws, so a run's delays repeat
 */
public record WorksConfig(int port, long seed, int works, LatencyModel latency, double timeScale, int quota,
                          Duration quotaWindow, FaultSettings faults, long latencySeed) {

    /** The smallest corpus: room for every theme. */
    public static final int MIN_WORKS = 100;
    /** The largest corpus. */
    public static final int MAX_WORKS = 100_000;
    /** The default corpus size. */
    public static final int DEFAULT_WORKS = 3_000;

    public WorksConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("no such port: " + port);
        }
        if (works < MIN_WORKS || works > MAX_WORKS) {
            throw new IllegalArgumentException("a corpus has " + MIN_WORKS + " to " + MAX_WORKS + " works, not " + works);
        }
        Objects.requireNonNull(latency, "a latency model is needed (LatencyModel.none() for none)");
        if (!(timeScale >= 0)) {
            throw new IllegalArgumentException("the time scale cannot be negative: " + timeScale);
        }
        if (quota < 0) {
            throw new IllegalArgumentException("the quota cannot be negative: " + quota);
        }
        Objects.requireNonNull(quotaWindow, "a quota window is needed");
        if (!quotaWindow.isPositive()) {
            throw new IllegalArgumentException("the quota window must be longer than zero");
        }
        Objects.requireNonNull(faults, "fault settings are needed (FaultSettings.none() for none)");
    }

    /**
     * For notebooks: about 300 ms per answer (log-normal, a mild tail), 10 requests per second
     * (the burst limit OpenAlex long documented), no faults, 3,000 works.
     */
    public static WorksConfig realistic() {
        return new WorksConfig(0, 1, DEFAULT_WORKS, LatencyModel.logNormal(Duration.ofMillis(300), 0.4), 1.0,
                10, Duration.ofSeconds(1), FaultSettings.none(), 1);
    }

    /** For tests and checks: no delays, no quota, no faults. */
    public static WorksConfig fast() {
        return realistic().withLatency(LatencyModel.none()).withQuota(0, Duration.ofSeconds(1));
    }

    public WorksConfig withPort(int newPort) {
        return new WorksConfig(newPort, seed, works, latency, timeScale, quota, quotaWindow, faults, latencySeed);
    }

    public WorksConfig withSeed(long newSeed) {
        return new WorksConfig(port, newSeed, works, latency, timeScale, quota, quotaWindow, faults, latencySeed);
    }

    public WorksConfig withWorks(int newWorks) {
        return new WorksConfig(port, seed, newWorks, latency, timeScale, quota, quotaWindow, faults, latencySeed);
    }

    public WorksConfig withLatency(LatencyModel newLatency) {
        return new WorksConfig(port, seed, works, newLatency, timeScale, quota, quotaWindow, faults, latencySeed);
    }

    public WorksConfig withTimeScale(double newScale) {
        return new WorksConfig(port, seed, works, latency, newScale, quota, quotaWindow, faults, latencySeed);
    }

    /** At most {@code requests} per {@code window} (0 for no limit). */
    public WorksConfig withQuota(int requests, Duration window) {
        return new WorksConfig(port, seed, works, latency, timeScale, requests, window, faults, latencySeed);
    }

    public WorksConfig withFaults(FaultSettings newFaults) {
        return new WorksConfig(port, seed, works, latency, timeScale, quota, quotaWindow, newFaults, latencySeed);
    }

    public WorksConfig withLatencySeed(long newSeed) {
        return new WorksConfig(port, seed, works, latency, timeScale, quota, quotaWindow, faults, newSeed);
    }

    /** The latency in force: {@link #latency()} times {@link #timeScale()}. */
    public LatencyModel effectiveLatency() {
        return timeScale == 1.0 ? latency : latency.scaled(timeScale);
    }

    /** True when no request is ever turned away for the quota. */
    public boolean unlimited() {
        return quota == 0;
    }

    /** One line for a banner: corpus, latency, quota, faults. */
    public String summary() {
        return works + " works (seed " + seed + "), latency " + effectiveLatency() + ", quota: "
                + (unlimited() ? "none" : quota + " requests per " + Durations.human(quotaWindow)) + ", faults: " + faults;
    }
}
