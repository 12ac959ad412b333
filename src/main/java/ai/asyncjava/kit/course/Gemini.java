package ai.asyncjava.kit.course;

import ai.asyncjava.kit.simulators.gemini.GeminiClients;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import com.google.genai.Client;
import com.google.genai.types.HttpRetryOptions;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * A notebook's one call for a Gemini client: the real API when {@code GEMINI_API_KEY} is set,
 * otherwise the course's Gemini simulator, started in this JVM on a free loopback port (one
 * simulator per notebook, shared by every client). Each call says on stdout which one it is.
 * <pre>{@code
 * Client client = Gemini.client();                       // SDK default retries
 * Client strict = Gemini.clientWithoutRetries();         // see every 429 yourself
 * Client limited = Gemini.client(GeminiSimulatorConfig.freeTier(), null);
 * Client yours = Gemini.clientBuilder().clientOptions(...).build();  // you choose the options
 * }</pre>
 * The clients made here allow {@value GeminiClients#MAX_CONNECTIONS} requests in flight per host;
 * a {@link #clientBuilder() builder} keeps the SDK's default of 5 for async calls, so that you
 * set the client options yourself.
 */
public final class Gemini {

    /** The generation model the chapters use. */
    public static final String MODEL = "gemini-2.5-flash";

    /** The embedding model the chapters use. */
    public static final String EMBEDDING_MODEL = "gemini-embedding-001";

    /** The environment variable holding a real API key. */
    public static final String KEY_VARIABLE = "GEMINI_API_KEY";

    private static GeminiSimulator simulator;

    private Gemini() {
    }

    /** A client with the SDK's default retries, for the real API or the (realistic) simulator. */
    public static Client client() {
        return client(null, null);
    }

    /** A client that tries each request once, so quota errors and faults reach your code. */
    public static Client clientWithoutRetries() {
        return client(null, GeminiClients.noRetries());
    }

    /**
     * A client with chosen settings.
     *
     * @param simulatorConfig how the simulator behaves when it is used (null keeps the current
     *                        one, or {@link GeminiSimulatorConfig#realistic()} at first); its port
     *                        and key are ignored once the simulator runs
     * @param retries         the SDK's retry options; null for its defaults
     */
    public static Client client(GeminiSimulatorConfig simulatorConfig, HttpRetryOptions retries) {
        return client(System.getenv(), System.out, simulatorConfig, retries);
    }

    /**
     * A client builder for the real API or the (realistic) simulator, with the SDK's default
     * retries and its default client options: at most 5 {@code client.async} requests per host
     * at once. Add your own {@code .clientOptions(...)} and call {@code build()}; keep its HTTP
     * options, which point it at the API.
     */
    public static Client.Builder clientBuilder() {
        return clientBuilder(null, null);
    }

    /**
     * A client builder with chosen settings and the SDK's default client options.
     *
     * @param simulatorConfig how the simulator behaves when it is used; see {@link #client(GeminiSimulatorConfig, HttpRetryOptions)}
     * @param retries         the SDK's retry options; null for its defaults
     */
    public static Client.Builder clientBuilder(GeminiSimulatorConfig simulatorConfig, HttpRetryOptions retries) {
        return clientBuilder(System.getenv(), System.out, simulatorConfig, retries);
    }

    /** The simulator serving this notebook, when the real API is not in use and a client was made. */
    public static synchronized Optional<GeminiSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /** True when {@code GEMINI_API_KEY} is set, so clients talk to the real API. */
    public static boolean usesRealApi() {
        return realKey(System.getenv()) != null;
    }

    static Client client(Map<String, String> env, PrintStream out, GeminiSimulatorConfig simulatorConfig,
                         HttpRetryOptions retries) {
        return clientBuilder(env, out, simulatorConfig, retries).clientOptions(GeminiClients.roomyConnections()).build();
    }

    static synchronized Client.Builder clientBuilder(Map<String, String> env, PrintStream out,
                                                     GeminiSimulatorConfig simulatorConfig, HttpRetryOptions retries) {
        String key = realKey(env);
        String retryNote = retries == null ? "SDK retries on" : "SDK retries: " + retries.attempts().orElse(5) + " attempt(s)";
        if (key != null) {
            out.println("Gemini: using the real Gemini API (key from " + KEY_VARIABLE + "); " + retryNote + ".");
            return GeminiClients.builderForRealApi(key, retries);
        }
        GeminiSimulator sim = simulator(simulatorConfig);
        out.println("Gemini: using the local simulator at " + sim.baseUrl() + " (" + sim.config().summary() + "); "
                + retryNote + ". Set " + KEY_VARIABLE + " to use the real API.");
        return GeminiClients.builderForSimulator(sim.baseUrl(), sim.apiKey(), retries);
    }

    /**
     * Stops the notebook's simulator, if one runs. In a kernel it lives as long as the notebook;
     * a runner that runs several notebooks in one JVM stops it after each, so that no notebook
     * meets the quota or faults another one set.
     */
    public static synchronized void stopSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    private static GeminiSimulator simulator(GeminiSimulatorConfig wanted) {
        if (simulator == null) {
            simulator = GeminiSimulator.start(wanted == null ? GeminiSimulatorConfig.realistic() : wanted.withPort(0));
        } else if (wanted != null) {
            simulator.reconfigure(current -> wanted);
        }
        return simulator;
    }

    private static String realKey(Map<String, String> env) {
        String key = env.get(KEY_VARIABLE);
        return key == null || key.isBlank() ? null : key.strip();
    }
}
