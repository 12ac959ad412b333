package ai.asyncjava.kit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookTest {

    @Test
    void invalidJsonGetsAClearError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.ipynb"), "{\"cells\": [");

        NotebookFormatException error = assertThrows(NotebookFormatException.class, () -> Notebook.read(file));

        assertTrue(error.getMessage().startsWith(file + " is not valid JSON (line 1"), error.getMessage());
    }

    @Test
    void anOlderNbformatIsNamed() {
        NotebookFormatException error = assertThrows(NotebookFormatException.class,
                () -> Notebook.parse("{\"nbformat\": 3, \"worksheets\": []}", "old.ipynb"));

        assertEquals("old.ipynb is in nbformat 3; the course tools read nbformat 4 "
                + "(open and save it in a current Jupyter to convert it)", error.getMessage());
    }

    @Test
    void jsonThatIsNoNotebookIsNamed() {
        assertThrows(NotebookFormatException.class, () -> Notebook.parse("[1, 2]", "list.json"));
        assertThrows(NotebookFormatException.class, () -> Notebook.parse("{\"nbformat\": 4}", "nocells.json"));
    }

    @Test
    void writesNotebooksExactlyAsJupyterDoes() throws Exception {
        // The chapter notebook was saved in Jupyter's format (json.dump, indent 1, sorted keys).
        Path saved = TestNotebooks.courseRoot().resolve("notebooks/00-the-basics.ipynb");

        assertEquals(Files.readString(saved), Notebook.read(saved).toJson());
    }

    @Test
    void outputsCanBeStripped() {
        Notebook notebook = TestNotebooks.ofCells("1 + 1");
        Notebook executed = new NotebookRunner(NotebookRunner.Options.defaults()).run(notebook).executed();

        assertTrue(executed.hasOutputs());
        assertFalse(executed.withoutOutputs().hasOutputs());
        assertEquals(notebook.toJson(), executed.withoutOutputs().toJson());
    }
}
