package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.ClientConnection;
import ai.asyncjava.kit.simulators.LatencyModel;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The simulated time of one request: its latencies (already time-scaled), the time scale for
 * delays a script plans, and the random draws behind them, seeded per request so a run's delays
 * repeat; its waits end early when a watched client hangs up.
 */
record Pacing(GeminiLatencies latencies, double timeScale, RandomGenerator random, ClientConnection client) {

    /** A delay planned at time scale 1, at the simulator's time scale. */
    Duration scaled(Duration planned) {
        return timeScale == 1.0 ? planned : Duration.ofNanos(Math.round(planned.toNanos() * timeScale));
    }

    /** Waits one draw of {@code model}. */
    void pause(LatencyModel model) throws InterruptedException, ClientConnection.ClientClosedException {
        pause(model.sample(random));
    }

    /**
     * Waits {@code delay}.
     *
     * @throws ClientConnection.ClientClosedException at once when a watched client closes its connection
     */
    void pause(Duration delay) throws InterruptedException, ClientConnection.ClientClosedException {
        client.pause(delay);
    }

    /** The delay of a whole non-streamed answer to {@code call}. */
    Duration callDelay(GeminiCall call) {
        return switch (call.action()) {
            case GENERATE_CONTENT -> latencies.generate().sample(random);
            case STREAM_GENERATE_CONTENT -> latencies.firstChunk().sample(random);
            case EMBED_CONTENT, BATCH_EMBED_CONTENTS ->
                    latencies.embed().sample(random).plus(latencies.embedPerItem().multipliedBy(call.batchSize()));
            case COUNT_TOKENS -> latencies.countTokens().sample(random);
            case LIST_MODELS, GET_MODEL -> latencies.models().sample(random);
        };
    }
}
