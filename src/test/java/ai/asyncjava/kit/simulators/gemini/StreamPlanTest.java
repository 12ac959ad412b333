package ai.asyncjava.kit.simulators.gemini;

import static ai.asyncjava.kit.simulators.gemini.AgentTurns.question;
import static ai.asyncjava.kit.simulators.gemini.AgentTurns.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.AgentTurns.Streamed;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Planned replies: chunks sent at their planned times, and the stream log that records them. */
class StreamPlanTest {

    private static final Duration FIRST = Duration.ofMillis(100);
    /** Room for a loaded 2-core machine: a chunk may be late by this much, never early. */
    private static final double LATE_MS = 80;

    @RegisterExtension
    static final SimulatorExtension GEMINI = new SimulatorExtension(GeminiSimulatorConfig.research()
            .withLatencies(GeminiLatencies.none().withStreaming(LatencyModel.fixed(FIRST), LatencyModel.none())));

    @BeforeEach
    void fresh() {
        GEMINI.sim().reconfigure(c -> c.withScript(new ResearchScript()).withTimeScale(1));
        GEMINI.sim().reset();
    }

    @Test
    void eachCallsChunkGoesOutItsDelayAfterThePreviousOne() {
        Streamed round = stream(GEMINI.client(), List.of(question()));
        List<StreamedChunk> log = GEMINI.sim().streamLog();
        int chunks = 2 + ResearchScript.FIRST_ROUND_CALLS + ResearchScript.WHILE_SEARCHING.size();
        assertEquals(chunks, log.size());
        LoggedRequest request = GEMINI.sim().log().requests().getLast();
        log.forEach(c -> assertEquals(request.id(), c.requestId()));
        assertEquals(java.util.stream.IntStream.range(0, chunks).boxed().toList(),
                log.stream().map(StreamedChunk::index).toList());
        assertTrue(log.getLast().last());

        double firstAfter = log.getFirst().sentMs() - request.arrivalMs();
        assertTrue(firstAfter >= FIRST.toMillis() - 1 && firstAfter < FIRST.toMillis() + LATE_MS,
                "first chunk " + firstAfter + " ms after the request arrived");
        double textGap = log.get(1).sentMs() - log.get(0).sentMs();
        assertTrue(textGap >= ResearchScript.TEXT_GAP.toMillis() - 1 && textGap < ResearchScript.TEXT_GAP.toMillis() + LATE_MS,
                "text chunks " + textGap + " ms apart");
        double callGap = ResearchScript.DEFAULT_CALL_GAP.toMillis();
        for (int i = 2; i < 2 + ResearchScript.FIRST_ROUND_CALLS; i++) {
            double gap = log.get(i).sentMs() - log.get(i - 1).sentMs();
            assertTrue(gap >= callGap - 1 && gap < callGap + LATE_MS, "chunk " + i + " sent " + gap + " ms after the one before");
            assertEquals(List.of(round.calls().get(i - 2).id().orElseThrow()), log.get(i).callIds());
            assertEquals(log.get(i), GEMINI.sim().streamedCall(log.get(i).callIds().getFirst()).orElseThrow());
        }
        // The SDK reads one event ahead: a client has each call once the next chunk is sent (text follows the last).
        for (int i = 0; i < 4; i++) {
            StreamedChunk chunk = log.get(i + 2);
            long expected = log.get(i + 3).sentNanos();
            assertEquals(expected, chunk.readableNanos());
            double late = (round.callNanos().get(i) - chunk.readableNanos()) / 1e6;
            assertTrue(late > -1 && late < LATE_MS, "call " + i + " read " + late + " ms after it was readable");
        }
        assertTrue((round.callNanos().get(0) - log.get(2).sentNanos()) / 1e6 > callGap - 1,
                "the SDK handed over the first call before the next chunk came");
        // sentMs and sentNanos are the same instant on the request log's clock.
        StreamedChunk c = log.get(3);
        assertEquals(c.sentMs(), (c.sentNanos() - GEMINI.sim().log().originNanos()) / 1e6, 0.001);
        assertEquals(chunks, GEMINI.sim().streamTable().rowCount());
    }

    @Test
    void thePlanIsScaledWithTheTimeScaleAndANonStreamedReplyWaitsForItAll() {
        GEMINI.sim().reconfigure(c -> c.withTimeScale(0.5).withScript(call -> ModelReply.streamed()
                .text(Duration.ofMillis(200), "Thinking... ")
                .call(Duration.ofMillis(300), new TurnPart.FunctionCall("search_openalex", Map.of("search", "a")))
                .text(Duration.ofMillis(100), "done")
                .build()));
        List<Long> arrivals = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        long start = System.nanoTime();
        try (ResponseStream<GenerateContentResponse> s =
                     GEMINI.client().models.generateContentStream(AgentTurns.MODEL, "Find work", AgentTurns.RESEARCH)) {
            for (GenerateContentResponse chunk : s) {
                arrivals.add(System.nanoTime());
                texts.add(chunk.functionCalls() == null || chunk.functionCalls().isEmpty() ? chunk.text() : "call");
            }
        }
        assertEquals(List.of("Thinking... ", "call", "done"), texts);
        List<StreamedChunk> log = GEMINI.sim().streamLog();
        double[] planned = {50 + 100, 150, 50}; // time to first token 100 ms * 0.5, then the plan halved
        assertTrue(log.get(0).sentMs() - GEMINI.sim().log().requests().getLast().arrivalMs() >= planned[0] - 1);
        for (int i = 1; i < 3; i++) {
            double gap = log.get(i).sentMs() - log.get(i - 1).sentMs();
            assertTrue(gap >= planned[i] - 1 && gap < planned[i] + LATE_MS, "chunk " + i + " after " + gap + " ms");
        }
        assertTrue((arrivals.getLast() - start) / 1e6 >= 350 - 1);

        long t0 = System.nanoTime();
        GenerateContentResponse whole = GEMINI.client().models.generateContent(AgentTurns.MODEL, "Find work",
                AgentTurns.RESEARCH);
        double tookMs = (System.nanoTime() - t0) / 1e6;
        assertTrue(tookMs >= 350 - 1, "the whole reply came after " + tookMs + " ms; the plan takes 350");
        assertEquals("Thinking... done", whole.text());
        assertEquals(1, whole.functionCalls().size());
        assertEquals(3, GEMINI.sim().streamLog().size(), "only streamed replies are in the stream log");
    }

    @Test
    void aReplyWithoutPlanStreamsAsBeforeAndIsLoggedToo() {
        GEMINI.sim().reconfigure(c -> c.withScript(new DefaultScript()));
        try (ResponseStream<GenerateContentResponse> s =
                     GEMINI.client().models.generateContentStream(AgentTurns.MODEL, "Explain back-pressure", null)) {
            s.forEach(chunk -> { });
        }
        List<StreamedChunk> log = GEMINI.sim().streamLog();
        assertTrue(log.size() >= 4);
        assertEquals(GeminiAnswers.answerTo("Explain back-pressure"),
                String.join("", log.stream().map(StreamedChunk::text).toList()));
        GEMINI.sim().reset();
        assertTrue(GEMINI.sim().streamLog().isEmpty());
    }
}
