package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.HttpExchanges;
import ai.asyncjava.kit.simulators.RequestLog;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers generateContent and streamGenerateContent: asks the script for the reply, gives its
 * function calls ids (and, for a thinking model, the thought signature), then sends it whole
 * after the generation latency, or as server-sent events: the first chunk after the
 * time-to-first-token, the rest as the reply planned them or, without a plan, one chunk-gap
 * apart with function calls each in a chunk of its own. Every streamed chunk goes in the stream log.
 */
final class GenerateResponder {

    /** One chunk as it will be sent: how long after the previous one (the first: after the time to first token). */
    private record Outgoing(Duration delay, String text, List<TurnPart.FunctionCall> calls) {
    }

    private final GeminiSimulatorConfig config;
    private final StreamLog streamLog;

    GenerateResponder(GeminiSimulatorConfig config, StreamLog streamLog) {
        this.config = config;
        this.streamLog = streamLog;
    }

    /**
     * Sends the answer; the log entry is finished with the status right before the last bytes go out.
     *
     * @param requestHash a hash of the request's body, from which the calls' ids are derived (so the
     *                    same conversation gets the same ids, streamed or not)
     */
    void respond(GeminiCall call, HttpExchange exchange, Pacing pacing, String responseId, boolean sse,
                 long requestHash, RequestLog.Entry entry) throws IOException, InterruptedException {
        ModelReply reply = config.script().reply(call.conversation());
        List<TurnPart.FunctionCall> calls = CallStamps.stamp(reply.functionCalls(), requestHash,
                config.thoughtSignatures());
        String text = limit(reply.text(), call.maxOutputTokens());
        String finish = text.equals(reply.text()) ? "STOP" : "MAX_TOKENS";
        int answerTokens = TokenCounter.count(text)
                + calls.stream().mapToInt(c -> TokenCounter.count(c.name() + " " + c.args())).sum();
        String model = call.modelId();

        if (call.action() == GeminiAction.GENERATE_CONTENT) {
            Duration delay = reply.hasPlan()
                    ? pacing.latencies().firstChunk().sample(pacing.random()).plus(pacing.scaled(reply.plannedDuration()))
                    : pacing.callDelay(call);
            pacing.pause(delay);
            ObjectNode body = GeminiJson.generateResponse(parts(text, calls), finish, model, call.promptTokens(),
                    answerTokens, responseId);
            HttpExchanges.sendJson(exchange, 200, GeminiJson.bytes(body), () -> entry.finish(200));
            return;
        }

        Duration firstChunk = pacing.callDelay(call); // drawn before the gaps, so a seed gives the same delays as ever
        List<Outgoing> plan = reply.hasPlan() ? planned(reply, text, calls, pacing) : paced(text, calls, pacing);
        List<ObjectNode> chunks = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            boolean last = i == plan.size() - 1;
            chunks.add(GeminiJson.generateResponse(parts(plan.get(i).text(), plan.get(i).calls()),
                    last ? finish : null, model, call.promptTokens(), last ? answerTokens : 0, responseId));
        }
        if (sse) {
            pacing.pause(firstChunk.plus(plan.getFirst().delay()));
            OutputStream events = HttpExchanges.startEvents(exchange);
            for (int i = 0; i < chunks.size(); i++) {
                Outgoing chunk = plan.get(i);
                if (i > 0) {
                    pacing.pause(chunk.delay());
                }
                boolean last = i == chunks.size() - 1;
                if (last) {
                    entry.finish(200);
                }
                streamLog.record(responseId, entry.id(), i, chunk.calls().stream().map(TurnPart.FunctionCall::id).toList(),
                        chunk.text(), last);
                HttpExchanges.sendEvent(events, GeminiJson.bytes(chunks.get(i)));
            }
            events.close();
        } else {
            // Without alt=sse the real API answers a stream request with one JSON array of all chunks.
            pacing.pause(plan.stream().map(Outgoing::delay).reduce(firstChunk, Duration::plus));
            ArrayNode all = GeminiJson.MAPPER.createArrayNode().addAll(chunks);
            HttpExchanges.sendJson(exchange, 200, GeminiJson.bytes(all), () -> entry.finish(200));
        }
    }

    // A text part (even an empty one when there is nothing else), then the calls.
    private static List<ObjectNode> parts(String text, List<TurnPart.FunctionCall> calls) {
        List<ObjectNode> parts = new ArrayList<>();
        if (!text.isEmpty() || calls.isEmpty()) {
            parts.add(GeminiJson.textPart(text));
        }
        calls.forEach(c -> parts.add(GeminiJson.functionCallPart(c)));
        return parts;
    }

    // The default pacing: a few text pieces, then each call alone, one chunk gap apart.
    private static List<Outgoing> paced(String text, List<TurnPart.FunctionCall> calls, Pacing pacing) {
        List<Outgoing> plan = new ArrayList<>();
        StreamChunks.split(text).forEach(piece -> plan.add(new Outgoing(null, piece, List.of())));
        calls.forEach(c -> plan.add(new Outgoing(null, "", List.of(c))));
        if (plan.isEmpty()) {
            plan.add(new Outgoing(null, "", List.of()));
        }
        List<Outgoing> timed = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Duration gap = i == 0 ? Duration.ZERO : pacing.latencies().chunkGap().sample(pacing.random());
            timed.add(new Outgoing(gap, plan.get(i).text(), plan.get(i).calls()));
        }
        return timed;
    }

    // The script's plan at the simulator's time scale, its text cut where maxOutputTokens cut it.
    private static List<Outgoing> planned(ModelReply reply, String keptText, List<TurnPart.FunctionCall> calls,
                                          Pacing pacing) {
        List<Outgoing> plan = new ArrayList<>();
        int offset = 0;
        int nextCall = 0;
        for (ModelReply.Chunk chunk : reply.plan()) {
            int from = Math.min(offset, keptText.length());
            int to = Math.min(offset + chunk.text().length(), keptText.length());
            offset += chunk.text().length();
            List<TurnPart.FunctionCall> chunkCalls = calls.subList(nextCall, nextCall + chunk.functionCalls().size());
            nextCall += chunk.functionCalls().size();
            plan.add(new Outgoing(pacing.scaled(chunk.delay()), keptText.substring(from, to), List.copyOf(chunkCalls)));
        }
        return plan;
    }

    // Cuts the answer to the caller's maxOutputTokens, whole words at a time.
    private static String limit(String text, int maxTokens) {
        if (maxTokens <= 0 || TokenCounter.count(text) <= maxTokens) {
            return text;
        }
        String[] words = text.split("(?<= )");
        StringBuilder kept = new StringBuilder();
        for (String word : words) {
            if (TokenCounter.count(kept + word) > maxTokens) {
                break;
            }
            kept.append(word);
        }
        return kept.toString();
    }
}
