package ai.asyncjava.kit.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** A notebook after execution, read from its .ipynb file, with questions tests ask of it. */
public record ExecutedNotebook(Path file, JsonNode json) {

    /** One output of one code cell. */
    public record Output(String cellId, int cellIndex, JsonNode json) {
        public String type() {
            return json.path("output_type").asText();
        }

        public boolean hasMimeType(String mimeType) {
            return json.path("data").has(mimeType);
        }

        /** The text of a stream output, or the text/plain of a result; "" otherwise. */
        public String text() {
            JsonNode text = json.has("text") ? json.get("text") : json.path("data").path("text/plain");
            return joined(text);
        }

        /** For an error output: its name, value and traceback, ANSI colours removed. */
        public String errorReport() {
            return json.path("ename").asText() + ": " + json.path("evalue").asText() + "\n"
                    + joinedLines(json.path("traceback")).replaceAll("\u001B\\[[0-9;]*m", "");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ExecutedNotebook read(Path file) {
        try {
            return new ExecutedNotebook(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the executed notebook " + file, e);
        }
    }

    public List<Output> outputs() {
        List<Output> outputs = new ArrayList<>();
        JsonNode cells = json.path("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            for (JsonNode output : cell.path("outputs")) {
                outputs.add(new Output(cell.path("id").asText("#" + (i + 1)), i + 1, output));
            }
        }
        return outputs;
    }

    public List<Output> errors() {
        return outputs().stream().filter(o -> o.type().equals("error")).toList();
    }

    public List<Output> withMimeType(String mimeType) {
        return outputs().stream().filter(o -> o.hasMimeType(mimeType)).toList();
    }

    /** Everything the cells printed to stdout and stderr, in order. */
    public String streamText() {
        StringBuilder text = new StringBuilder();
        outputs().stream().filter(o -> o.type().equals("stream")).forEach(o -> text.append(o.text()));
        return text.toString();
    }

    /** nbformat stores multi-line text either as one string or as a list of lines. */
    private static String joined(JsonNode text) {
        if (text.isArray()) {
            StringBuilder joined = new StringBuilder();
            text.forEach(line -> joined.append(line.asText()));
            return joined.toString();
        }
        return text.asText("");
    }

    private static String joinedLines(JsonNode lines) {
        return String.join("\n", StreamSupport.stream(lines.spliterator(), false).map(JsonNode::asText).toList());
    }
}
