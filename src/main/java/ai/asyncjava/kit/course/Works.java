package ai.asyncjava.kit.course;

import ai.asyncjava.kit.simulators.works.WorksConfig;
import ai.asyncjava.kit.simulators.works.WorksSimulator;
import java.io.PrintStream;
import java.net.URI;

/**
 * A notebook's one call for chapter 06's works API: the course's works simulator, an OpenAlex-shaped
 * {@code /works} search, started in this JVM on a free loopback port the first time it is asked for
 * and shared by every cell after. {@link #apiRoot()} is the address to give a search tool; with the
 * environment variable {@value #REAL_API_VARIABLE} set to {@code true} it is the real
 * {@code https://api.openalex.org} instead (which needs the network, and nowadays an API key).
 */
public final class Works {

    /** Set to {@code true} to search the real OpenAlex instead of the simulator. */
    public static final String REAL_API_VARIABLE = "COURSE_REAL_OPENALEX";

    /** The real API's root. */
    public static final URI REAL_API = URI.create("https://api.openalex.org");

    private static WorksSimulator site;

    private Works() {
    }

    /** The works simulator, started with {@link WorksConfig#realistic()} but no quota on first use. */
    public static synchronized WorksSimulator site() {
        if (site == null) {
            site = start(WorksConfig.realistic().withQuota(0, java.time.Duration.ofSeconds(1)), System.out);
        }
        return site;
    }

    /** The root a search tool should use: the simulator's, unless {@value #REAL_API_VARIABLE} says the real API. */
    public static URI apiRoot() {
        if ("true".equalsIgnoreCase(System.getenv(REAL_API_VARIABLE))) {
            System.out.println("Works API: the real OpenAlex at " + REAL_API);
            return REAL_API;
        }
        return URI.create(site().baseUrl());
    }

    private static WorksSimulator start(WorksConfig config, PrintStream out) {
        WorksSimulator started = WorksSimulator.start(config);
        out.println("Works API (simulated): " + started.baseUrl() + "/works; " + config.summary());
        return started;
    }
}
