package ai.asyncjava.kit.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (nbformat 4) as a JSON tree: read, checked, changed in place, written.
 * Only what the course tools need is modelled; everything else in the file is kept as is.
 */
public final class Notebook {

    private final ObjectNode root;

    private Notebook(ObjectNode root) {
        this.root = root;
    }

    /** Reads and checks a notebook file; a clear {@link NotebookFormatException} when it is not one. */
    public static Notebook read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NotebookFormatException("no such notebook: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parse(json, file.toString());
    }

    /** Parses notebook JSON; {@code name} says in errors where it came from. */
    public static Notebook parse(String json, String name) {
        JsonNode tree;
        try {
            tree = NotebookJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NotebookFormatException(name + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + shortMessage(e), e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new NotebookFormatException(name + " is not a Jupyter notebook: its JSON is not an object");
        }
        JsonNode format = object.get("nbformat");
        if (format == null || !format.canConvertToInt()) {
            throw new NotebookFormatException(name + " is not a Jupyter notebook: it has no \"nbformat\" number");
        }
        if (format.asInt() != 4) {
            throw new NotebookFormatException(name + " is in nbformat " + format.asInt()
                    + "; the course tools read nbformat 4 (open and save it in a current Jupyter to convert it)");
        }
        if (!(object.get("cells") instanceof ArrayNode)) {
            throw new NotebookFormatException(name + " is not a Jupyter notebook: it has no \"cells\" list");
        }
        return new Notebook(object);
    }

    /** Jackson's message without the parser-internal details it appends in parentheses. */
    private static String shortMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int details = message.indexOf(" (");
        return details > 0 ? message.substring(0, details) : message;
    }

    /** The notebook's own metadata (kernel, language, the course's chapter). */
    public JsonNode metadata() {
        return root.path("metadata");
    }

    /** A cell's metadata of the course's own ({@code metadata.course}); missing when it has none. */
    public static JsonNode courseMetadata(ObjectNode cell) {
        return cell.path("metadata").path("course");
    }

    public List<ObjectNode> cells() {
        List<ObjectNode> cells = new ArrayList<>();
        root.withArray("cells").forEach(cell -> cells.add((ObjectNode) cell));
        return cells;
    }

    /** Replaces the cells, for example to add or drop some. */
    public void setCells(List<ObjectNode> cells) {
        root.putArray("cells").addAll(cells);
    }

    public static boolean isCode(ObjectNode cell) {
        return "code".equals(cell.path("cell_type").asText());
    }

    public static String source(ObjectNode cell) {
        return NotebookJson.text(cell.get("source"));
    }

    public static void setSource(ObjectNode cell, String source) {
        cell.set("source", NotebookJson.lines(source));
    }

    /** Removes every code cell's outputs and execution count, as learner notebooks are committed. */
    public Notebook withoutOutputs() {
        Notebook copy = copy();
        copy.cells().stream().filter(Notebook::isCode).forEach(cell -> {
            cell.set("outputs", NotebookJson.MAPPER.createArrayNode());
            cell.putNull("execution_count");
        });
        return copy;
    }

    /** True when some code cell has an output or an execution count. */
    public boolean hasOutputs() {
        return cells().stream().filter(Notebook::isCode)
                .anyMatch(cell -> !cell.path("outputs").isEmpty() || cell.path("execution_count").isNumber());
    }

    public Notebook copy() {
        return new Notebook(root.deepCopy());
    }

    public String toJson() {
        return NotebookJson.write(root);
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
