package ai.asyncjava.kit.checks.ch07;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch07.TokenRelay;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import ai.asyncjava.kit.simulators.gemini.GeminiLatencies;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.simulators.gemini.StreamedChunk;
import com.google.genai.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 07's {@link TokenRelay}, against a Gemini simulator that streams an
 * answer in about six chunks, the first after 150 ms and the others 150 ms apart, and watches its
 * connections. The simulator's stream log says when the SDK could first hand each chunk over (it
 * reads one ahead): the earliest moment a relay can pass it on.
 */
@HiddenChecks(secondsPerCheck = 4)
class TokenRelayChecks {

    static final String PROMPT = "What is two times 51?";
    static final Duration FIRST_CHUNK = Duration.ofMillis(150);
    static final Duration CHUNK_GAP = Duration.ofMillis(150);

    /** What the sink was given, and when. */
    private record Piece(String text, long nanos) {}

    private final GeminiSimulator simulator = CheckSimulators.gemini(GeminiSimulatorConfig.fast()
            .withWatchForDisconnects(true)
            .withLatencies(GeminiLatencies.none().withStreaming(LatencyModel.fixed(FIRST_CHUNK), LatencyModel.fixed(CHUNK_GAP))));
    private final Client client = CheckSimulators.clientWithoutRetries(simulator);

    @AfterEach
    void closeEverything() {
        CheckSimulators.close(client);
        CheckSimulators.close(simulator);
    }

    @Test
    @Order(1)
    @DisplayName("passes each piece on the moment it can be read, not once the answer is complete")
    void passesPiecesOnAsTheyCome(Function<Client, ? extends TokenRelay> newRelay) throws Exception {
        List<Piece> pieces = new ArrayList<>();
        relay(newRelay, pieces, Integer.MAX_VALUE).resultOrRethrow();

        List<StreamedChunk> chunks = simulator.streamLog();
        if (pieces.isEmpty() || chunks.isEmpty()) {
            fail("The sink was given " + Wording.count(pieces.size(), "piece") + " and the simulator streamed "
                    + Wording.count(chunks.size(), "chunk") + ": stream the answer with generateContentStream and pass "
                    + "each chunk's text on.");
        }
        long late = pieces.getFirst().nanos() - chunks.getFirst().readableNanos();
        if (late > Tolerances.Ch07.PIECE_LATE.nanos()) {
            boolean afterTheEnd = pieces.getFirst().nanos() >= chunks.getLast().readableNanos();
            fail("The first piece reached the sink " + Wording.nanos(late) + " after the SDK could hand it over"
                    + (afterTheEnd ? ", once the whole answer had streamed in" : "") + ": the user waited for "
                    + (afterTheEnd ? "the last token instead of the first" : "nothing") + ". Call the sink inside the "
                    + "loop over the stream, for each chunk as it is read.");
        }
        if (pieces.size() < chunks.size() - 1) {
            fail("The simulator streamed " + Wording.count(chunks.size(), "chunk") + " and the sink was given "
                    + Wording.count(pieces.size(), "piece") + ": pass each chunk's text on, one by one.");
        }
    }

    @Test
    @Order(2)
    @DisplayName("returns the whole answer, its pieces in order")
    void returnsTheWholeAnswer(Function<Client, ? extends TokenRelay> newRelay) throws Exception {
        List<Piece> pieces = new ArrayList<>();
        String returned = relay(newRelay, pieces, Integer.MAX_VALUE).resultOrRethrow();
        String expected = GeminiAnswers.answerTo(PROMPT);
        StringBuilder given = new StringBuilder();
        pieces.forEach(piece -> given.append(piece.text()));
        if (!expected.equals(given.toString())) {
            fail("The pieces given to the sink join into " + Wording.quoted(given.toString()) + "; the model's answer is "
                    + Wording.quoted(expected) + ".");
        }
        if (!expected.equals(returned)) {
            fail("relay(...) returned " + Wording.quoted(String.valueOf(returned)) + "; return the text given to the sink.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("stops when the sink has enough: nothing more passed on, and the stream's connection closed")
    void stopsWhenTheSinkHasEnough(Function<Client, ? extends TokenRelay> newRelay) throws Exception {
        List<Piece> pieces = new ArrayList<>();
        int enough = 2;
        String returned = relay(newRelay, pieces, enough).resultOrRethrow();
        long stoppedAt = pieces.size() >= enough ? pieces.get(enough - 1).nanos() : System.nanoTime();

        if (pieces.size() > enough) {
            fail("The sink said it had enough after piece " + enough + ", and was given "
                    + Wording.count(pieces.size() - enough, "more piece") + ". Stop passing on the moment it returns false.");
        }
        List<LoggedRequest> streams = simulator.log().requests();
        if (streams.isEmpty()) {
            fail("No stream reached the simulator.");
        }
        LoggedRequest stream = simulator.log().awaitEnd(streams.getFirst().id(), Tolerances.Ch07.STREAM_CLOSED.get())
                .orElse(streams.getFirst());
        double stoppedMs = (stoppedAt - simulator.log().originNanos()) / 1e6;
        if (!stream.abandoned()) {
            fail("After the sink had enough, the stream " + (stream.inFlight() ? "was still open on the server"
                    : "was read to its end") + ": the model went on writing for nobody. Leave the loop (break) and close "
                    + "the stream: try (ResponseStream<GenerateContentResponse> stream = ...) closes it on the way out.");
        }
        if (stream.abandonedAtMs() > stoppedMs + Tolerances.Ch07.STREAM_CLOSED.millis()) {
            fail(String.format(java.util.Locale.ROOT, "The stream was closed %.0f ms after the sink had enough; close it "
                    + "at once.", stream.abandonedAtMs() - stoppedMs));
        }
        StringBuilder given = new StringBuilder();
        pieces.forEach(piece -> given.append(piece.text()));
        if (!given.toString().equals(returned)) {
            fail("relay(...) returned " + Wording.quoted(String.valueOf(returned)) + ", not the text given to the sink ("
                    + Wording.quoted(given.toString()) + ").");
        }
    }

    /** Runs the learner's relay with a sink that notes each piece and says stop at piece {@code enough}. */
    private BoundedRun.Outcome<String> relay(Function<Client, ? extends TokenRelay> newRelay, List<Piece> pieces,
                                             int enough) throws InterruptedException {
        TokenRelay relay = newRelay.apply(client);
        if (relay == null) {
            fail("Your factory returned null instead of a TokenRelay; pass a constructor such as StreamingRelay::new.");
        }
        return BoundedRun.call("relay(...)", Duration.ofSeconds(3), () -> relay.relay(PROMPT, text -> {
            synchronized (pieces) {
                pieces.add(new Piece(text, System.nanoTime()));
                return pieces.size() < enough;
            }
        })).requireReturned();
    }
}
