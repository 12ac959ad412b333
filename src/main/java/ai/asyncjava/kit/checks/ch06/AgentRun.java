package ai.asyncjava.kit.checks.ch06;

import ai.asyncjava.kit.checks.BoundedRun;
import ai.asyncjava.kit.exercises.ch06.ResearchAgent;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.AnsweredCall;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.StreamedChunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one question to an agent did, as the checks judge it: how {@code answer} ended, the model's
 * requests and streamed chunks as the Gemini simulator logged them, and the searches as the check's
 * tool saw them. The question runs through {@link BoundedRun}, so an agent that never returns is
 * stopped and described where it waits.
 *
 * @param outcome  how {@code answer} ended
 * @param requests the model's requests, in arrival order
 * @param chunks   every streamed chunk, in the order they were sent
 * @param searches the searches, in the order they started
 * @param started  how many searches were started
 * @param peak     the most searches in flight at once
 * @param answered the function responses the model was sent, each with the call it answers
 */
record AgentRun(BoundedRun.Outcome<String> outcome, List<LoggedRequest> requests, List<StreamedChunk> chunks,
                List<CheckSearch.Call> searches, int started, int peak, List<AnsweredCall> answered) {

    static final String QUESTION = "How does the gut microbiome influence mental health?";

    static AgentRun ask(ResearchAgent agent, GeminiSimulator model, CheckSearch tool, Duration limit)
            throws InterruptedException {
        model.reset();
        BoundedRun.Outcome<String> outcome = BoundedRun.call("answer(...)", limit, () -> agent.answer(QUESTION));
        return new AgentRun(outcome, model.log().requests(), model.streamLog(), tool.calls(), tool.started(), tool.peak(),
                model.answeredCalls());
    }

    /** The streamed replies, one list of chunks per model request, in order. */
    List<List<StreamedChunk>> replies() {
        Map<String, List<StreamedChunk>> byResponse = new LinkedHashMap<>();
        for (StreamedChunk chunk : chunks) {
            byResponse.computeIfAbsent(chunk.responseId(), id -> new ArrayList<>()).add(chunk);
        }
        return List.copyOf(byResponse.values());
    }

    /** The text of one reply, as the model streamed it. */
    static String textOf(List<StreamedChunk> reply) {
        StringBuilder text = new StringBuilder();
        reply.forEach(chunk -> text.append(chunk.text()));
        return text.toString();
    }

    /** The chunks of one reply that carry function calls, one entry per call, in stream order. */
    static List<StreamedChunk> callChunks(List<StreamedChunk> reply) {
        List<StreamedChunk> calls = new ArrayList<>();
        for (StreamedChunk chunk : reply) {
            chunk.callIds().forEach(id -> calls.add(chunk));
        }
        return calls;
    }

    /** The model's generation requests that the simulator refused (400: a malformed conversation). */
    List<LoggedRequest> refused() {
        return requests.stream().filter(r -> r.status() >= 400 && r.status() < 500).toList();
    }
}
