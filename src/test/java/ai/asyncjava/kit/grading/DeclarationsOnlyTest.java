package ai.asyncjava.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.notebook.CellScope;
import ai.asyncjava.kit.notebook.CellSession;
import ai.asyncjava.kit.notebook.NotebookRunner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The grader runs a demonstration cell's declarations and none of its statements. */
class DeclarationsOnlyTest {

    @Test
    void importsClassesAndMethodsAreDefinedNothingRuns() {
        try (CellSession session = new CellSession(NotebookRunner.currentClassPath())) {
            CellSession.CellRun demo = session.run("""
                    import java.util.concurrent.atomic.AtomicInteger;
                    AtomicInteger counter = new AtomicInteger();
                    class Helper { static int twice(int x) { return 2 * x; } }
                    int thrice(int x) { return 3 * x; }
                    System.out.println("a demonstration that must not run");
                    while (true) { }
                    """, 1, CellScope.DECLARATIONS, Duration.ofSeconds(20));
            assertTrue(demo.error().isEmpty(), demo.error().toString());
            assertEquals("[]", demo.outputsJson().toString(), "nothing printed");
            CellSession.CellRun use = session.run("Helper.twice(thrice(new AtomicInteger(7).get()))", 2,
                    CellScope.EVERYTHING, Duration.ofSeconds(20));
            assertEquals(42, use.value());
            CellSession.CellRun variable = session.run("counter", 3, CellScope.EVERYTHING, Duration.ofSeconds(20));
            assertTrue(variable.didNotCompile(), "the variable was never declared");
        }
    }
}
