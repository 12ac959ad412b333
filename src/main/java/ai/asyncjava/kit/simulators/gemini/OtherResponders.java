package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.HttpExchanges;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.function.IntConsumer;

/** Answers the calls that are a single JSON body after one delay: embeddings, token counts, models. */
final class OtherResponders {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private OtherResponders() {
    }

    /** Sends the answer; calls {@code done} with the status right before the body goes out. */
    static void respond(GeminiCall call, HttpExchange exchange, Pacing pacing, IntConsumer done)
            throws IOException, InterruptedException {
        ObjectNode body = switch (call.action()) {
            case BATCH_EMBED_CONTENTS -> GeminiJson.batchEmbeddings(
                    call.embedTexts().stream().map(t -> TextEmbedder.embed(t, call.dimensions())).toList());
            case EMBED_CONTENT -> GeminiJson.singleEmbedding(TextEmbedder.embed(call.embedTexts().getFirst(),
                    call.dimensions()));
            case COUNT_TOKENS -> GeminiJson.tokenCount(call.promptTokens());
            case GET_MODEL -> GeminiJson.model(call.model());
            case LIST_MODELS -> modelPage(call);
            default -> throw new IllegalStateException("not answered here: " + call.action());
        };
        pacing.pause(pacing.callDelay(call));
        HttpExchanges.sendJson(exchange, 200, GeminiJson.bytes(body), () -> done.accept(200));
    }

    // pageSize and pageToken work as in the real API; the token is simply the next offset.
    private static ObjectNode modelPage(GeminiCall call) {
        int size = call.query().path("pageSize").asInt(DEFAULT_PAGE_SIZE);
        size = size <= 0 ? DEFAULT_PAGE_SIZE : size;
        int from = Math.max(0, call.query().path("pageToken").asInt(0));
        List<GeminiModel> all = GeminiModel.ALL;
        int to = Math.min(all.size(), from + size);
        List<GeminiModel> page = from >= all.size() ? List.of() : all.subList(from, to);
        return GeminiJson.modelList(page, to < all.size() ? String.valueOf(to) : null);
    }
}
