package ai.asyncjava.kit.simulators.retrieval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a vector search's body and writes both services' answers and errors. */
final class RetrievalJson {

    /** The fields a vector search's body may have. */
    static final List<String> VECTOR_FIELDS = List.of("embedding", "top_k");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RetrievalJson() {
    }

    /** A vector search, read from its body. */
    record VectorQuery(float[] embedding, int topK) {
    }

    /**
     * Reads {@code {"embedding": [numbers], "top_k": n}} ({@code top_k} may be left out).
     *
     * @throws RetrievalError (400) naming what is wrong: not JSON, not an object, an unknown field,
     *                        a missing embedding, a value that is not a number, a bad top_k
     */
    static VectorQuery vectorQuery(byte[] body) {
        if (body.length == 0) {
            throw RetrievalError.invalid(null, "the body is empty: send {\"embedding\": [numbers], \"top_k\": 20}");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RetrievalError.invalid(null, "the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RetrievalError.invalid(null, "the body could not be read");
        }
        if (json == null || !json.isObject()) {
            throw RetrievalError.invalid(null, "the body must be a JSON object: {\"embedding\": [numbers], \"top_k\": 20}");
        }
        List<String> unknown = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!VECTOR_FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw RetrievalError.invalid(unknown.getFirst(), "unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + ": a vector search takes " + String.join(" and ", VECTOR_FIELDS));
        }
        JsonNode values = json.get("embedding");
        if (values == null || values.isNull()) {
            throw RetrievalError.invalid("embedding", "embedding is missing: send the query's embedding as an array of numbers");
        }
        if (!values.isArray()) {
            throw RetrievalError.invalid("embedding", "embedding must be an array of numbers, not " + kind(values));
        }
        float[] embedding = new float[values.size()];
        for (int i = 0; i < embedding.length; i++) {
            JsonNode value = values.get(i);
            if (!value.isNumber()) {
                throw RetrievalError.invalid("embedding", "embedding[" + i + "] is " + kind(value) + ", not a number");
            }
            embedding[i] = (float) value.doubleValue(); // embeddings are 32-bit floats, as the index's vectors
        }
        return new VectorQuery(embedding, topK(json.get("top_k")));
    }

    private static int topK(JsonNode node) {
        if (node == null || node.isNull()) {
            return RetrievalIndex.DEFAULT_TOP_K;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw RetrievalError.invalid("top_k", "top_k must be a whole number between 1 and "
                    + RetrievalIndex.MAX_TOP_K + ", not " + node);
        }
        return node.intValue();
    }

    /** {@code top_k} from a query string: a whole number, or the default when absent. */
    static int topK(String text) {
        if (text == null || text.isEmpty()) {
            return RetrievalIndex.DEFAULT_TOP_K;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw RetrievalError.invalid("top_k", "top_k must be a whole number between 1 and "
                    + RetrievalIndex.MAX_TOP_K + ", not '" + text + "'");
        }
    }

    /** {@code {"results": [{"id": …, "score": …, "text": …}, …]}}. */
    static byte[] results(List<Hit> hits) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        for (Hit hit : hits) {
            results.addObject().put("id", hit.id()).put("score", hit.score()).put("text", hit.text());
        }
        return write(body);
    }

    /** {@code {"error": {"code": …, "status": …, "message": …, "field": …}}}, {@code field} only when there is one. */
    static byte[] error(int status, String field, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", status);
        error.put("status", RetrievalError.statusName(status));
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        return write(body);
    }

    /** The first values of an embedding, for the request log: {@code [0.0123, -0.0456, 0.0789, …] (768)}. */
    static String preview(float[] embedding) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < Math.min(3, embedding.length); i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", embedding[i]));
        }
        return text.append(embedding.length > 3 ? ", …] (" : "] (").append(embedding.length).append(')').toString();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.toString();
        };
    }

    private static byte[] write(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
