package ai.asyncjava.kit.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Notebook JSON written the way Jupyter writes it (keys sorted, one-space indent,
 * {@code "key": value}, a final newline), so files the course tools write diff cleanly
 * against files Jupyter saved.
 */
final class NotebookJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DefaultPrettyPrinter JUPYTER_STYLE = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter(" ", "\n"))
            .withArrayIndenter(new DefaultIndenter(" ", "\n"));

    private NotebookJson() {}

    static String write(JsonNode notebook) {
        try {
            return MAPPER.writer(JUPYTER_STYLE).writeValueAsString(sorted(notebook)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy with every object's keys in alphabetical order, as Jupyter's json.dump(sort_keys=True). */
    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = MAPPER.createObjectNode();
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> copy.set(name, sorted(object.get(name))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = MAPPER.createArrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** Text as nbformat stores it: a list of lines, each but the last ending in a newline. */
    static ArrayNode lines(String text) {
        ArrayNode lines = MAPPER.createArrayNode();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** nbformat allows a multi-line string either as one string or as a list of lines. */
    static String text(JsonNode multiline) {
        if (multiline == null || multiline.isNull()) {
            return "";
        }
        if (multiline.isArray()) {
            StringBuilder text = new StringBuilder();
            multiline.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return multiline.asText();
    }
}
