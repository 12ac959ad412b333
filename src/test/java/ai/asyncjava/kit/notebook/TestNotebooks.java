package ai.asyncjava.kit.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Helpers for notebook tests: small notebooks built in code, the repository's own notebooks. */
final class TestNotebooks {

    private TestNotebooks() {}

    /** The course checkout: tests run in the kit module's folder, {@code src/}. */
    static Path courseRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** A notebook with one code cell per source. */
    static Notebook ofCells(String... sources) {
        ObjectNode root = NotebookJson.MAPPER.createObjectNode();
        ArrayNode cells = root.putArray("cells");
        for (String source : sources) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "code");
            cell.putObject("metadata");
            cell.putArray("outputs");
            cell.putNull("execution_count");
            cell.set("source", NotebookJson.lines(source));
        }
        root.putObject("metadata");
        root.put("nbformat", 4);
        root.put("nbformat_minor", 4);
        return Notebook.parse(root.toString(), "test notebook");
    }

    /** The outputs of the {@code index}-th cell (0-based). */
    static JsonNode outputs(Notebook notebook, int index) {
        return notebook.cells().get(index).get("outputs");
    }

    /** "stream:stdout", "execute_result:text/plain+image/png", ...: what kinds of output a cell has. */
    static List<String> kinds(JsonNode outputs) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode output : outputs) {
            String type = output.path("output_type").asText();
            switch (type) {
                case "stream" -> kinds.add("stream:" + output.path("name").asText());
                case "error" -> kinds.add("error");
                default -> {
                    List<String> mimes = new ArrayList<>();
                    output.path("data").fieldNames().forEachRemaining(mimes::add);
                    mimes.remove("application/json"); // the runner's extra data for graders
                    kinds.add(type + ":" + String.join("+", mimes.stream().sorted().toList()));
                }
            }
        }
        return kinds;
    }

    static String text(JsonNode outputs) {
        StringBuilder text = new StringBuilder();
        for (JsonNode output : outputs) {
            text.append(NotebookJson.text(output.get("text")));
            text.append(NotebookJson.text(output.path("data").get("text/plain")));
            output.path("traceback").forEach(line -> text.append(line.asText()).append('\n'));
        }
        return text.toString();
    }
}
