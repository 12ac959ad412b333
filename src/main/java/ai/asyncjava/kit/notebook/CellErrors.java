package ai.asyncjava.kit.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jdk.jshell.EvalException;

/** Builds the error outputs of failed cells, each naming the cell it happened in. */
final class CellErrors {

    /** The error names of a cell that did not compile and of one that ran out of time. */
    static final String COMPILATION = "CompilationException";
    static final String TIMEOUT = "TimeoutException";

    private static final int FRAMES_SHOWN = 12;

    private CellErrors() {}

    static CellError compilation(int cell, String source, List<String> messages) {
        List<String> traceback = new ArrayList<>();
        traceback.add("Cell " + cell + " does not compile:");
        source.strip().lines().limit(5).forEach(line -> traceback.add("|   " + line));
        messages.forEach(message -> traceback.add(message));
        String first = messages.isEmpty() ? "does not compile" : messages.getFirst();
        return new CellError(COMPILATION, "cell " + cell + ": " + first, traceback);
    }

    static CellError incomplete(int cell, String source) {
        return compilation(cell, source, List.of("the code is incomplete (a missing ';', ')' or '}'?)"));
    }

    /** An exception thrown by a cell's code; frames from cells are shown as "cell N, line L". */
    static CellError exception(int cell, EvalException thrown, Function<StackTraceElement, Optional<String>> cellLine) {
        String heading = thrown.getExceptionClassName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        List<String> traceback = new ArrayList<>();
        traceback.add("Cell " + cell + " threw " + heading);
        StackTraceElement[] frames = thrown.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, FRAMES_SHOWN); i++) {
            StackTraceElement frame = frames[i];
            String where = cellLine.apply(frame).orElse(frame.getFileName() + ":" + frame.getLineNumber());
            String className = frame.getClassName().replaceFirst("^REPL\\.\\$JShell\\$\\d+[A-Z]?\\$?", "");
            // A cell's top-level statements run in a method of JShell's wrapper class: name the cell only.
            traceback.add("\tat " + (className.isEmpty() ? where : className + "." + frame.getMethodName() + " (" + where + ")"));
        }
        for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
            String causeName = cause instanceof EvalException eval ? eval.getExceptionClassName() : cause.getClass().getName();
            traceback.add("Caused by: " + causeName + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        return new CellError("EvalException", "cell " + cell + ": " + heading, traceback);
    }
}
