package ai.asyncjava.kit.checks.ch04;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import com.google.genai.Client;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Gemini simulator of the check's own, whatever the notebook uses: embedding calls take a
 * fixed {@link #EMBED_LATENCY} and the request log is the check's to read. It is started and
 * warmed up from a virtual thread, so the server's and the HTTP client's threads belong to no
 * check and are never taken for threads the learner left running.
 */
final class CheckSimulator implements AutoCloseable {

    static final Duration EMBED_LATENCY = Duration.ofMillis(40);

    final GeminiSimulator sim;
    final Client client;

    private CheckSimulator(GeminiSimulator sim) {
        this.sim = sim;
        this.client = sim.client();
    }

    /** A running simulator and a client for it; with {@code warmUp}, one call has been made already and cleared from the log. */
    static CheckSimulator start(boolean warmUp) throws InterruptedException {
        AtomicReference<CheckSimulator> started = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread starter = Thread.ofVirtual().start(() -> {
            try {
                CheckSimulator simulator = new CheckSimulator(GeminiSimulator.start(GeminiSimulatorConfig.fast()
                        .withLatencies(GeminiLatencies.none().withEmbed(LatencyModel.fixed(EMBED_LATENCY), Duration.ZERO))));
                if (warmUp) {
                    // The first call in a JVM loads the SDK's classes and opens a connection: it
                    // can take far longer than the rest, and must not count against the learner.
                    simulator.client.models.embedContent(Gemini.EMBEDDING_MODEL, "warm-up", null);
                    simulator.sim.log().clear();
                }
                started.set(simulator);
            } catch (RuntimeException e) {
                failed.set(e);
            }
        });
        starter.join();
        if (failed.get() != null) {
            throw new IllegalStateException("the check's Gemini simulator did not start", failed.get());
        }
        return started.get();
    }

    /** The embedding requests the simulator saw, in arrival order. */
    List<LoggedRequest> embeddingCalls() {
        return sim.log().requests().stream().filter(r -> r.method().toLowerCase().contains("embed")).toList();
    }

    @Override
    public void close() {
        sim.close();
    }
}
