package ai.asyncjava.kit.simulators.gemini;

import com.google.genai.Client;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One simulator and one no-retry SDK client for a whole test class:
 * {@code @RegisterExtension static final SimulatorExtension GEMINI = new SimulatorExtension(config);}
 */
final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private final GeminiSimulatorConfig config;
    private GeminiSimulator simulator;
    private Client client;

    SimulatorExtension(GeminiSimulatorConfig config) {
        this.config = config;
    }

    /** A simulator with no delays, quota or faults. */
    static SimulatorExtension fast() {
        return new SimulatorExtension(GeminiSimulatorConfig.fast());
    }

    GeminiSimulator sim() {
        return simulator;
    }

    Client client() {
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = GeminiSimulator.start(config);
        client = simulator.clientWithoutRetries();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        simulator.close();
    }
}
