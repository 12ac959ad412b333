package ai.asyncjava.kit.checks.ch04;

import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import com.google.genai.Client;
import java.time.Duration;
import java.util.List;

/**
 * The embedding API as chapter 04's checks stage it, whatever the notebook uses: a simulator of
 * the check's own (started through {@link CheckSimulators}) whose embedding calls take a fixed
 * time, a client for it, and its request log.
 */
final class EmbeddingApi implements AutoCloseable {

    /** How long an embedding call takes, unless a check needs another. */
    static final Duration CALL = Duration.ofMillis(40);

    final GeminiSimulator simulator;
    final Client client;

    private EmbeddingApi(GeminiSimulator simulator) {
        this.simulator = simulator;
        this.client = CheckSimulators.clientWithoutRetries(simulator);
    }

    /** A simulator whose embedding calls take {@code call} each. */
    static EmbeddingApi start(Duration call) {
        return new EmbeddingApi(CheckSimulators.gemini(GeminiSimulatorConfig.fast()
                .withLatencies(GeminiLatencies.none().withEmbed(LatencyModel.fixed(call), Duration.ZERO))));
    }

    /** The embedding requests the simulator saw, in arrival order. */
    List<LoggedRequest> embeddingCalls() {
        return simulator.log().requests().stream().filter(r -> r.method().toLowerCase().contains("embed")).toList();
    }

    @Override
    public void close() {
        CheckSimulators.close(client);
        CheckSimulators.close(simulator);
    }
}
