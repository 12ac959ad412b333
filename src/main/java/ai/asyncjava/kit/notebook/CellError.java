package ai.asyncjava.kit.notebook;

import java.util.List;

/**
 * Why a cell failed, as a notebook error output shows it.
 *
 * @param name      what kind of failure, named as IJava names it ({@code CompilationException},
 *                  {@code EvalException}) so executed notebooks look alike whichever ran them
 * @param value     the one-line message
 * @param traceback the lines shown under it, starting with the cell number
 */
public record CellError(String name, String value, List<String> traceback) {

    public CellError {
        traceback = List.copyOf(traceback);
    }

    /** The message for a terminal: the traceback as one text. */
    public String describe() {
        return String.join("\n", traceback);
    }
}
