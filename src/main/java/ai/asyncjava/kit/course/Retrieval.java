package ai.asyncjava.kit.course;

import ai.asyncjava.kit.exercises.ch07.SearchServices;
import ai.asyncjava.kit.simulators.retrieval.RetrievalConfig;
import ai.asyncjava.kit.simulators.retrieval.RetrievalSimulator;
import java.net.URI;

/**
 * A notebook's one call for chapter 07's RAG request: the course's retrieval simulator (a vector
 * search and a keyword search over the research abstracts of chapter 06), started in this JVM on
 * free loopback ports the first time it is asked for and shared by every cell after.
 */
public final class Retrieval {

    private static RetrievalSimulator simulator;

    private Retrieval() {
    }

    /** The retrieval simulator, started with {@link RetrievalConfig#realistic()} on first use. */
    public static synchronized RetrievalSimulator simulator() {
        if (simulator == null) {
            simulator = RetrievalSimulator.start(RetrievalConfig.realistic());
            System.out.println("Retrieval (simulated): vector search " + simulator.vectorUrl() + ", keyword search "
                    + simulator.keywordUrl() + "; " + simulator.config().summary());
        }
        return simulator;
    }

    /** Where the two searches are, for a {@code RagPipeline}. */
    public static SearchServices services() {
        RetrievalSimulator started = simulator();
        return new SearchServices(URI.create(started.vectorUrl()), URI.create(started.keywordUrl()));
    }
}
