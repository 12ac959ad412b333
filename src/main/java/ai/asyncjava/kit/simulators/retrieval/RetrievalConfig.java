package ai.asyncjava.kit.simulators.retrieval;

import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import ai.asyncjava.kit.simulators.works.WorksConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link RetrievalSimulator} does. The documents follow from {@code seed}, {@code works}
 * and {@code dimensions} alone; the rest is how the two services behave. Start from a preset and
 * change what you need:
 * <pre>{@code
 * RetrievalConfig.realistic().withTimeScale(0.5)
 * RetrievalConfig.fast().withLatency(Service.KEYWORD, LatencyModel.fixed(Duration.ofMillis(200)))
 * RetrievalConfig.fast().withFaults(Service.VECTOR, FaultSettings.none().withShare(Fault.INTERNAL_ERROR, 0.2))
 * }</pre>
 *
 * @param vectorPort     the vector search's loopback port; 0 for any free one
 * @param keywordPort    the keyword search's loopback port; 0 for any free one
 * @param seed           decides the documents: the abstracts of the works corpus of this seed
 * @param works          how many documents (works) there are, as {@link WorksConfig#works()}
 * @param dimensions     the length of the vectors the vector index holds; a query embedding must
 *                       have exactly this many values
 * @param vectorLatency  how long a vector search takes, before {@code timeScale}
 * @param keywordLatency how long a keyword search takes, before {@code timeScale}
 * @param timeScale      multiplies every search's delay: 1 for real time, 0.1 for quick demos (a hang
 *                       lasts its {@link FaultSettings#hangFor()}, as in the other simulators)
 * @param vectorFaults   which share of vector searches fail, and how
 * @param keywordFaults  which share of keyword searches fail, and how
 * @param latencySeed    seeds the latency draws, so a run's delays repeat
 */
public record RetrievalConfig(int vectorPort, int keywordPort, long seed, int works, int dimensions,
                              LatencyModel vectorLatency, LatencyModel keywordLatency, double timeScale,
                              FaultSettings vectorFaults, FaultSettings keywordFaults, long latencySeed) {

    /**
     * The default vector length: one of the sizes Google recommends for gemini-embedding-001
     * (768, 1536, 3072), asked for with {@code EmbedContentConfig.outputDimensionality(768)};
     * {@code text-embedding-004} returns it by default. A vector index has one dimensionality,
     * fixed when it is built, so a query embedding of another length is refused.
     */
    public static final int DEFAULT_DIMENSIONS = 768;

    /** The longest vector: gemini-embedding-001's full length. */
    public static final int MAX_DIMENSIONS = GeminiAnswers.DEFAULT_EMBEDDING_DIMENSIONS;

    public RetrievalConfig {
        checkPort(vectorPort);
        checkPort(keywordPort);
        if (vectorPort != 0 && vectorPort == keywordPort) {
            throw new IllegalArgumentException("the two services need two ports, not both " + vectorPort);
        }
        if (works < WorksConfig.MIN_WORKS || works > WorksConfig.MAX_WORKS) {
            throw new IllegalArgumentException("the index holds " + WorksConfig.MIN_WORKS + " to "
                    + WorksConfig.MAX_WORKS + " documents, not " + works);
        }
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("vectors have 1 to " + MAX_DIMENSIONS + " dimensions, not " + dimensions);
        }
        Objects.requireNonNull(vectorLatency, "a vector latency is needed (LatencyModel.none() for none)");
        Objects.requireNonNull(keywordLatency, "a keyword latency is needed (LatencyModel.none() for none)");
        if (!(timeScale >= 0)) {
            throw new IllegalArgumentException("the time scale cannot be negative: " + timeScale);
        }
        Objects.requireNonNull(vectorFaults, "vector fault settings are needed (FaultSettings.none() for none)");
        Objects.requireNonNull(keywordFaults, "keyword fault settings are needed (FaultSettings.none() for none)");
    }

    /**
     * For notebooks: a vector search takes about 80 ms and a keyword search about 120 ms
     * (log-normal, sigma 0.3: 9 in 10 within about 0.6 to 1.6 times the median, the slowest
     * 1 in 100 about twice it), no faults, the 3,000 abstracts of the works corpus, 768
     * dimensions. Keyword search is the slower one, so running both at once saves the vector
     * search's time: about 200 ms one after the other, about 130 ms together.
     */
    public static RetrievalConfig realistic() {
        return new RetrievalConfig(0, 0, 1, WorksConfig.DEFAULT_WORKS, DEFAULT_DIMENSIONS,
                LatencyModel.logNormal(Duration.ofMillis(80), 0.3), LatencyModel.logNormal(Duration.ofMillis(120), 0.3),
                1.0, FaultSettings.none(), FaultSettings.none(), 1);
    }

    /** For tests and checks: no delays, no faults. */
    public static RetrievalConfig fast() {
        return realistic().withLatency(LatencyModel.none());
    }

    /** The port of {@code service}. */
    public int port(Service service) {
        return service == Service.VECTOR ? vectorPort : keywordPort;
    }

    /** The latency of {@code service}, before the time scale. */
    public LatencyModel latency(Service service) {
        return service == Service.VECTOR ? vectorLatency : keywordLatency;
    }

    /** The latency of {@code service} in force: {@link #latency(Service)} times {@link #timeScale()}. */
    public LatencyModel effectiveLatency(Service service) {
        LatencyModel latency = latency(service);
        return timeScale == 1.0 ? latency : latency.scaled(timeScale);
    }

    /** The fault settings of {@code service}. */
    public FaultSettings faults(Service service) {
        return service == Service.VECTOR ? vectorFaults : keywordFaults;
    }

    public RetrievalConfig withPorts(int newVectorPort, int newKeywordPort) {
        return new RetrievalConfig(newVectorPort, newKeywordPort, seed, works, dimensions, vectorLatency, keywordLatency,
                timeScale, vectorFaults, keywordFaults, latencySeed);
    }

    public RetrievalConfig withSeed(long newSeed) {
        return new RetrievalConfig(vectorPort, keywordPort, newSeed, works, dimensions, vectorLatency, keywordLatency,
                timeScale, vectorFaults, keywordFaults, latencySeed);
    }

    public RetrievalConfig withWorks(int newWorks) {
        return new RetrievalConfig(vectorPort, keywordPort, seed, newWorks, dimensions, vectorLatency, keywordLatency,
                timeScale, vectorFaults, keywordFaults, latencySeed);
    }

    public RetrievalConfig withDimensions(int newDimensions) {
        return new RetrievalConfig(vectorPort, keywordPort, seed, works, newDimensions, vectorLatency, keywordLatency,
                timeScale, vectorFaults, keywordFaults, latencySeed);
    }

    /** The same latency for both services. */
    public RetrievalConfig withLatency(LatencyModel both) {
        return new RetrievalConfig(vectorPort, keywordPort, seed, works, dimensions, both, both,
                timeScale, vectorFaults, keywordFaults, latencySeed);
    }

    /** A new latency for {@code service}; the other keeps its own. */
    public RetrievalConfig withLatency(Service service, LatencyModel latency) {
        return new RetrievalConfig(vectorPort, keywordPort, seed, works, dimensions,
                service == Service.VECTOR ? latency : vectorLatency, service == Service.KEYWORD ? latency : keywordLatency,
                timeScale, vectorFaults, keywordFaults, latencySeed);
    }

    public RetrievalConfig withTimeScale(double newScale) {
        return new RetrievalConfig(vectorPort, keywordPort, seed, works, dimensions, vectorLatency, keywordLatency,
                newScale, vectorFaults, keywordFaults, latencySeed);
    }

    /** The same fault settings for both services. */
    public RetrievalConfig withFaults(FaultSettings both) {
        return new RetrievalConfig(vectorPort, keywordPort, seed, works, dimensions, vectorLatency, keywordLatency,
                timeScale, both, both, latencySeed);
    }

    /** New fault settings for {@code service}; the other keeps its own. */
    public RetrievalConfig withFaults(Service service, FaultSettings faults) {
        return new RetrievalConfig(vectorPort, keywordPort, seed, works, dimensions, vectorLatency, keywordLatency,
                timeScale, service == Service.VECTOR ? faults : vectorFaults,
                service == Service.KEYWORD ? faults : keywordFaults, latencySeed);
    }

    public RetrievalConfig withLatencySeed(long newSeed) {
        return new RetrievalConfig(vectorPort, keywordPort, seed, works, dimensions, vectorLatency, keywordLatency,
                timeScale, vectorFaults, keywordFaults, newSeed);
    }

    /** One line for a banner: documents, latencies, faults. */
    public String summary() {
        return works + " documents (seed " + seed + ", " + dimensions + "-dimensional vectors), latency: vector "
                + effectiveLatency(Service.VECTOR) + ", keyword " + effectiveLatency(Service.KEYWORD)
                + ", faults: vector " + vectorFaults + ", keyword " + keywordFaults;
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("no such port: " + port);
        }
    }
}
