package ai.asyncjava.kit.notebook;

import static ai.asyncjava.kit.notebook.TestNotebooks.courseRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A learner notebook's given cells ({@code "course": {"solution": ..., "given": true}}) hand the
 * learner finished code: the reference class itself, so the walkthrough, which swaps each marked
 * cell for its reference class, shows the same code, and a fix to the reference reaches both.
 */
class GivenCellsTest {

    @Test
    void givenCellsShowTheirReferenceClassAsItIs() {
        SolutionNotebooks solutions = new SolutionNotebooks(courseRoot());
        List<String> given = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (Path learner : solutions.learnerNotebooks()) {
            for (ObjectNode cell : Notebook.read(learner).cells()) {
                JsonNode course = cell.path("metadata").path("course");
                if (!course.path("given").asBoolean(false)) {
                    continue;
                }
                String where = learner.getFileName() + " cell " + cell.path("id").asText();
                given.add(where);
                String reference = ReferenceSource.of(courseRoot(), course.path("solution").asText());
                if (!Notebook.source(cell).equals(reference)) {
                    differing.add(where + " differs from " + course.path("solution").asText());
                }
            }
        }
        assertFalse(given.isEmpty(), "no given cells found: chapter 03 gives its shard reader and writer");
        assertEquals(List.of(), differing, "copy the reference class into the cell, without its package line");
    }
}
