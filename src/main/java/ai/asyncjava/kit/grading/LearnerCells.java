package ai.asyncjava.kit.grading;

import ai.asyncjava.kit.notebook.CellScope;
import ai.asyncjava.kit.notebook.Notebook;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a submission's cells the grader runs, and how much of each. Exercise cells (those the
 * released notebook marks with the class they stand for) run whole. Every other cell runs only
 * its declarations: imports, classes and methods that an exercise may use, without the
 * demonstrations, charts and check calls around them, which cost time and prove nothing.
 */
final class LearnerCells {

    /**
     * A cell to run.
     *
     * @param number its place among the notebook's code cells, from 1: the number its errors name
     */
    record Cell(int number, String source, CellScope scope) {}

    private LearnerCells() {}

    /** The cells to run; those numbered in {@code declarationsOnly} run only their declarations. */
    static List<Cell> of(Notebook notebook, List<Integer> declarationsOnly) {
        List<Cell> cells = new ArrayList<>();
        int number = 0;
        for (ObjectNode cell : notebook.cells()) {
            if (!Notebook.isCode(cell)) {
                continue;
            }
            number++;
            String source = Notebook.source(cell);
            if (source.isBlank()) {
                continue;
            }
            boolean exercise = Notebook.courseMetadata(cell).hasNonNull("solution");
            boolean whole = exercise && !declarationsOnly.contains(number);
            cells.add(new Cell(number, source, whole ? CellScope.EVERYTHING : CellScope.DECLARATIONS));
        }
        return cells;
    }
}
