package ai.asyncjava.kit.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one cell in the order they happened: printed text (consecutive writes to
 * the same stream merge into one output, as in Jupyter), displayed values, the cell's
 * result and its error.
 */
public final class CellOutputs {

    private final List<ObjectNode> outputs = new ArrayList<>();
    private final int executionCount;
    private Object value;

    CellOutputs(int executionCount) {
        this.executionCount = executionCount;
    }

    synchronized void print(String stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!outputs.isEmpty()) {
            ObjectNode last = outputs.getLast();
            if ("stream".equals(last.path("output_type").asText()) && stream.equals(last.path("name").asText())) {
                last.set("text", NotebookJson.lines(NotebookJson.text(last.get("text")) + text));
                return;
            }
        }
        ObjectNode output = NotebookJson.MAPPER.createObjectNode();
        output.put("name", stream);
        output.put("output_type", "stream");
        output.set("text", NotebookJson.lines(text));
        outputs.add(output);
    }

    /** What {@code display(value)} shows, with the display id the kernels return. */
    synchronized void display(ObjectNode bundle, String displayId) {
        ObjectNode output = NotebookJson.MAPPER.createObjectNode();
        output.set("data", bundle);
        output.set("metadata", NotebookJson.MAPPER.createObjectNode());
        output.put("output_type", "display_data");
        output.putObject("transient").put("display_id", displayId);
        outputs.add(output);
    }

    /** The value of the cell's last expression: how it shows, and the object itself. */
    synchronized void result(ObjectNode bundle, Object value) {
        this.value = value;
        ObjectNode output = NotebookJson.MAPPER.createObjectNode();
        output.set("data", bundle);
        output.put("execution_count", executionCount);
        output.set("metadata", NotebookJson.MAPPER.createObjectNode());
        output.put("output_type", "execute_result");
        outputs.add(output);
    }

    synchronized void error(CellError error) {
        ObjectNode output = NotebookJson.MAPPER.createObjectNode();
        output.put("ename", error.name());
        output.put("evalue", error.value());
        output.put("output_type", "error");
        ArrayNode traceback = output.putArray("traceback");
        error.traceback().forEach(traceback::add);
        outputs.add(output);
    }

    /** The object the cell's last expression evaluated to, or {@code null}. */
    synchronized Object value() {
        return value;
    }

    synchronized ArrayNode toJson() {
        ArrayNode array = NotebookJson.MAPPER.createArrayNode();
        outputs.forEach(output -> {
            // Jupyter does not save a display's transient id.
            ObjectNode saved = output.deepCopy();
            saved.remove("transient");
            array.add(saved);
        });
        return array;
    }
}
