package ai.asyncjava.kit.checks.ch07;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.checks.ch07.SseReader.Received;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a token event's data, {@code {"text": "..."}}, and fails the check with the data it got otherwise. */
final class TokenEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenEvents() {}

    static String text(Received token) {
        JsonNode data;
        try {
            data = JSON.readTree(token.data());
        } catch (JsonProcessingException notJson) {
            data = null;
        }
        if (data == null || !data.path("text").isTextual()) {
            fail("A token event's data was " + Wording.quoted(Wording.shortened(token.data(), 120)) + "; send the JSON "
                    + "{\"text\": \"...\"} (Jackson's writeValueAsString(Map.of(\"text\", text))): a chunk may start with "
                    + "a space, which the event-stream format drops after \"data:\", or hold a newline.");
        }
        return data.path("text").asText();
    }
}
