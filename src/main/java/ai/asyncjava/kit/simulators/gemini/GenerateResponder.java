package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.HttpExchanges;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Answers generateContent and streamGenerateContent: asks the script for the reply, then sends it
 * whole after the generation latency, or as server-sent events: the first chunk after the
 * time-to-first-token, the rest one chunk-gap apart, function calls each in a chunk of its own.
 */
final class GenerateResponder {

    private final GeminiScript script;

    GenerateResponder(GeminiScript script) {
        this.script = script;
    }

    /**
     * Sends the answer; calls {@code done} with the status right before the last bytes go out.
     */
    void respond(GeminiCall call, HttpExchange exchange, Pacing pacing, String responseId, boolean sse,
                 IntConsumer done) throws IOException, InterruptedException {
        ModelReply reply = script.reply(call.conversation());
        String text = limit(reply.text(), call.maxOutputTokens());
        String finish = text.equals(reply.text()) ? "STOP" : "MAX_TOKENS";
        int answerTokens = TokenCounter.count(text)
                + reply.functionCalls().stream().mapToInt(c -> TokenCounter.count(c.name() + " " + c.args())).sum();
        String model = call.modelId();

        if (call.action() == GeminiAction.GENERATE_CONTENT) {
            List<ObjectNode> parts = new ArrayList<>();
            if (!text.isEmpty() || reply.functionCalls().isEmpty()) {
                parts.add(GeminiJson.textPart(text));
            }
            reply.functionCalls().forEach(c -> parts.add(GeminiJson.functionCallPart(c)));
            pacing.pause(pacing.callDelay(call));
            ObjectNode body = GeminiJson.generateResponse(parts, finish, model, call.promptTokens(), answerTokens,
                    responseId);
            HttpExchanges.sendJson(exchange, 200, GeminiJson.bytes(body), () -> done.accept(200));
            return;
        }

        List<List<ObjectNode>> chunkParts = new ArrayList<>();
        StreamChunks.split(text).forEach(piece -> chunkParts.add(List.of(GeminiJson.textPart(piece))));
        reply.functionCalls().forEach(c -> chunkParts.add(List.of(GeminiJson.functionCallPart(c))));
        if (chunkParts.isEmpty()) {
            chunkParts.add(List.of(GeminiJson.textPart("")));
        }
        List<ObjectNode> chunks = new ArrayList<>();
        for (int i = 0; i < chunkParts.size(); i++) {
            boolean last = i == chunkParts.size() - 1;
            chunks.add(GeminiJson.generateResponse(chunkParts.get(i), last ? finish : null, model,
                    call.promptTokens(), last ? answerTokens : 0, responseId));
        }
        pacing.pause(pacing.callDelay(call));
        if (sse) {
            OutputStream events = HttpExchanges.startEvents(exchange);
            for (int i = 0; i < chunks.size(); i++) {
                if (i > 0) {
                    pacing.pause(pacing.latencies().chunkGap());
                }
                if (i == chunks.size() - 1) {
                    done.accept(200);
                }
                HttpExchanges.sendEvent(events, GeminiJson.bytes(chunks.get(i)));
            }
            events.close();
        } else {
            // Without alt=sse the real API answers a stream request with one JSON array of all chunks.
            for (int i = 1; i < chunks.size(); i++) {
                pacing.pause(pacing.latencies().chunkGap());
            }
            ArrayNode all = GeminiJson.MAPPER.createArrayNode().addAll(chunks);
            HttpExchanges.sendJson(exchange, 200, GeminiJson.bytes(all), () -> done.accept(200));
        }
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
