package ai.asyncjava.kit.notebook;

/** How much of a cell to run. */
public enum CellScope {
    /** Every snippet, as a kernel runs it. */
    EVERYTHING,
    /**
     * Only what declares something: imports, classes, interfaces, records, enums and methods.
     * Statements, expressions and variables are left out, so nothing of the cell's own runs
     * (a declaration runs no code until it is used). The grader runs cells this way when it
     * needs their definitions but not their demonstrations.
     */
    DECLARATIONS
}
