package ai.asyncjava.kit.notebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * A JShell in this JVM, evaluating notebook cells the way IJava does: a cell is split into
 * snippets, they run in order, the first failure ends the cell, and the value of the last
 * snippet (when it is an expression) is the cell's result.
 */
final class JShellSession implements AutoCloseable {

    /**
     * IJava's startup imports, so a notebook that runs here also runs in the kernel. (Its
     * {@code Display.*} import becomes our own {@code display}.)
     */
    private static final List<String> STARTUP = List.of(
            "import java.util.*;", "import java.io.*;", "import java.math.*;", "import java.net.*;",
            "import java.util.concurrent.*;", "import java.util.prefs.*;", "import java.util.regex.*;",
            "String display(Object value) { return ai.asyncjava.kit.notebook.RunnerBridge.display(value); }",
            "void printf(String format, Object... args) { System.out.printf(format, args); }");

    /** Where a snippet's source starts in the notebook, to turn its line numbers into the cell's. */
    private record Place(int cell, int firstLine) {}

    private final JShell shell;
    private final Map<String, Place> places = new HashMap<>();

    JShellSession(List<Path> classPath) {
        shell = JShell.builder().executionEngine(CellExecutionControl.provider(), Map.of()).build();
        classPath.forEach(entry -> shell.addToClasspath(entry.toString()));
        for (String line : STARTUP) {
            Optional<CellError> failed = run(line, 0, new CellOutputs(0));
            if (failed.isPresent()) {
                throw new IllegalStateException("JShell did not start: " + failed.get().describe());
            }
        }
    }

    /** Stops the code running now, as far as JShell can (see {@link JShell#stop()}). */
    void stop() {
        shell.stop();
    }

    /** Runs one cell; its result goes into {@code outputs}; returns its error if it failed. */
    Optional<CellError> run(String source, int cellNumber, CellOutputs outputs) {
        return run(source, cellNumber, outputs, CellScope.EVERYTHING);
    }

    /** Runs the part of one cell that {@code scope} asks for. */
    Optional<CellError> run(String source, int cellNumber, CellOutputs outputs, CellScope scope) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = source;
        int line = 1;
        Object result = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                return Optional.of(CellErrors.incomplete(cellNumber, remaining.strip()));
            }
            String snippetSource = info.source();
            int snippetLine = line + leadingNewlines(remaining);
            line += countNewlines(remaining.substring(0, remaining.length() - info.remaining().length()));
            remaining = info.remaining();
            if (scope == CellScope.DECLARATIONS && !declares(snippetSource, analysis)) {
                continue;
            }

            result = null;
            for (SnippetEvent event : shell.eval(snippetSource)) {
                if (event.causeSnippet() != null) {
                    continue; // an update of an earlier snippet, not this one's outcome
                }
                places.put(event.snippet().id(), new Place(cellNumber, snippetLine));
                Optional<CellError> error = errorOf(event, cellNumber);
                if (error.isPresent()) {
                    return error;
                }
                result = valueOf(event.snippet());
            }
        }
        if (result != null) {
            outputs.result(MimeBundles.of(result), result);
        }
        return Optional.empty();
    }

    /**
     * True for an import, a type or a method: what other cells may need. JShell reports
     * statements it cannot place without running the cell's variables as erroneous, so an
     * erroneous snippet is left out too; a class with a real compile error then shows up where
     * it is used, as a class that is not defined.
     */
    private static boolean declares(String snippetSource, SourceCodeAnalysis analysis) {
        return analysis.sourceToSnippets(snippetSource).stream().allMatch(snippet -> switch (snippet.kind()) {
            case IMPORT, TYPE_DECL, METHOD -> true;
            case VAR, EXPRESSION, STATEMENT, ERRONEOUS -> false;
        });
    }

    private Optional<CellError> errorOf(SnippetEvent event, int cellNumber) {
        JShellException thrown = event.exception();
        if (thrown instanceof EvalException exception) {
            return Optional.of(CellErrors.exception(cellNumber, exception, this::cellLine));
        }
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            return Optional.of(CellErrors.compilation(cellNumber, event.snippet().source(),
                    List.of("it uses something that is not defined yet: " + unresolvedNames(unresolved.getSnippet()))));
        }
        if (!event.status().isDefined()) {
            List<String> messages = new ArrayList<>();
            shell.diagnostics(event.snippet()).filter(Diag::isError)
                    .forEach(diag -> messages.add(diag.getMessage(null)));
            if (event.snippet() instanceof DeclarationSnippet declaration) {
                shell.unresolvedDependencies(declaration).forEach(name -> messages.add("cannot find symbol: " + name));
            }
            return Optional.of(CellErrors.compilation(cellNumber, event.snippet().source(), messages));
        }
        return Optional.empty();
    }

    private String unresolvedNames(DeclarationSnippet snippet) {
        return String.join(", ", shell.unresolvedDependencies(snippet).toList());
    }

    /**
     * The snippet's value as an object, for the same snippets IJava shows a value for: an
     * expression, or a variable named alone. The object is fetched by evaluating a hand-over
     * snippet, since JShell itself only reports values as strings.
     */
    private Object valueOf(Snippet snippet) {
        String name = switch (snippet) {
            case VarSnippet variable when snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND -> variable.name();
            case ExpressionSnippet expression when snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND -> expression.name();
            default -> null;
        };
        if (name == null) {
            return null;
        }
        shell.eval("ai.asyncjava.kit.notebook.RunnerBridge.handOver(" + name + ");");
        return RunnerBridge.takeHandedOver();
    }

    /** "cell 3, line 9" for a frame of code declared in a cell; empty for other frames. */
    private Optional<String> cellLine(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return Optional.empty();
        }
        Place place = places.get(file.substring(1));
        if (place == null || place.cell() == 0) {
            return Optional.empty();
        }
        return Optional.of("cell " + place.cell() + ", line " + (place.firstLine() + frame.getLineNumber() - 1));
    }

    private static int leadingNewlines(String text) {
        int count = 0;
        for (int i = 0; i < text.length() && Character.isWhitespace(text.charAt(i)); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static int countNewlines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    @Override
    public void close() {
        shell.close();
    }
}
