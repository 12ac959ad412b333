package ai.asyncjava.kit.notebook;

import static ai.asyncjava.kit.notebook.TestNotebooks.kinds;
import static ai.asyncjava.kit.notebook.TestNotebooks.outputs;
import static ai.asyncjava.kit.notebook.TestNotebooks.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookRunnerTest {

    private static NotebookRunner.Result run(NotebookRunner.Options options, String... cells) {
        return new NotebookRunner(options).run(TestNotebooks.ofCells(cells));
    }

    private static NotebookRunner.Result run(String... cells) {
        return run(NotebookRunner.Options.defaults(), cells);
    }

    @Test
    void recordsPrintedTextValuesImagesAndReports() {
        NotebookRunner.Result result = run(
                "System.out.println(\"hello\");\nSystem.err.println(\"careful\");\n6 * 7",
                "var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);\nimage",
                "display(\"shown\");",
                "int quiet = 1;",
                "ai.asyncjava.kit.checks.ch00.Chapter00.checkFanOut(() -> (service, requests) -> List.of())");

        assertTrue(result.succeeded(), () -> result.failures().toString());
        Notebook executed = result.executed();
        assertEquals(List.of("stream:stdout", "stream:stderr", "execute_result:text/plain"), kinds(outputs(executed, 0)));
        assertEquals("hello\ncareful\n42", text(outputs(executed, 0)));
        assertEquals(List.of("execute_result:image/png+text/plain"), kinds(outputs(executed, 1)));
        // Like IJava: display() shows the value and returns its display id.
        assertEquals(List.of("display_data:text/plain", "execute_result:text/plain"), kinds(outputs(executed, 2)));
        assertEquals(List.of(), kinds(outputs(executed, 3)));
        assertEquals(List.of("execute_result:text/html+text/plain"), kinds(outputs(executed, 4)));
        assertTrue(outputs(executed, 4).get(0).path("data").has("application/json"), "graders read the JSON");
        assertEquals(List.of(1, 2, 3, 4, 5), executed.cells().stream().map(c -> c.get("execution_count").asInt()).toList());
    }

    @Test
    void stopsAtTheFirstFailingCellAndNamesIt() {
        NotebookRunner.Result result = run("int a = 1;", "Integer.parseInt(\"x\")", "System.out.println(\"never\");");

        assertFalse(result.succeeded());
        assertEquals(2, result.failures().getFirst().cell());
        assertEquals("EvalException", result.failures().getFirst().error().name());
        assertTrue(text(outputs(result.executed(), 1)).startsWith("Cell 2 threw java.lang.NumberFormatException"));
        assertTrue(outputs(result.executed(), 2).isEmpty(), "the cell after the failure is not run");
    }

    @Test
    void compileErrorsAndExceptionsPointIntoTheCell() {
        NotebookRunner.Result result = run(NotebookRunner.Options.defaults().allowingErrors(true),
                "int y = ;",
                "class Divider {\n    int divide(int a, int b) {\n        return a / b;\n    }\n}",
                "new Divider().divide(1, 0)",
                "System.out.println(\"still running\");");

        assertEquals(List.of(1, 3), result.failures().stream().map(NotebookRunner.Failure::cell).toList());
        assertEquals("CompilationException", result.failures().get(0).error().name());
        assertTrue(text(outputs(result.executed(), 0)).contains("Cell 1 does not compile"));
        assertTrue(text(outputs(result.executed(), 2)).contains("at Divider.divide (cell 2, line 3)"),
                text(outputs(result.executed(), 2)));
        assertEquals("still running\n", text(outputs(result.executed(), 3)));
    }

    @Test
    void aCellThatRunsTooLongIsStopped() {
        NotebookRunner.Result result = run(
                NotebookRunner.Options.defaults().allowingErrors(true).withCellTimeout(Duration.ofSeconds(2)),
                "Thread.sleep(60_000);",
                "System.out.println(\"next\");");

        assertEquals("TimeoutException", result.failures().getFirst().error().name());
        assertTrue(result.failures().getFirst().error().value().contains("did not finish within 2 s"));
    }
}
