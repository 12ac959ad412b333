package ai.asyncjava.kit.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The solution notebooks, generated from the two single sources: the learner notebook
 * ({@code notebooks/NN-*.ipynb}: prose, skeletons, checks) and the reference solutions. Each
 * skeleton cell names in its metadata the class it stands for,
 * {@code "course": {"solution": "ai.asyncjava.solutions.ch00.VirtualThreadFanOut"}}, and is
 * replaced by that class's source. The result is run, so the walkthrough carries real outputs.
 * A cell marked {@code "given": true} as well hands the learner that class finished: it holds the
 * class's source already, as the walkthrough shows it.
 */
public final class SolutionNotebooks {

    /** One generated notebook: where it went, and whether every cell ran. */
    public record Generated(Path file, boolean ran, String problem) {}

    private static final String CHAPTER_NOTEBOOK = "\\d\\d-.*\\.ipynb";

    private final Path root;

    public SolutionNotebooks(Path courseRoot) {
        this.root = courseRoot;
    }

    /** The learner notebooks, in chapter order. */
    public List<Path> learnerNotebooks() {
        Path dir = root.resolve("notebooks");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(CHAPTER_NOTEBOOK)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path solutionNotebookFor(Path learnerNotebook) {
        return root.resolve("solutions/notebooks").resolve(learnerNotebook.getFileName());
    }

    /** The learner notebook with each marked skeleton replaced by its reference class; not run. */
    public Notebook withSolutions(Path learnerNotebook) {
        Notebook notebook = Notebook.read(learnerNotebook).withoutOutputs();
        for (ObjectNode cell : notebook.cells()) {
            String solution = cell.path("metadata").path("course").path("solution").asText("");
            if (!solution.isEmpty()) {
                Notebook.setSource(cell, ReferenceSource.of(root, solution));
            }
        }
        return notebook;
    }

    /** Generates and runs every solution notebook. */
    public List<Generated> generate() {
        return generate(learner -> true);
    }

    /** Generates and runs the solution notebooks of the learner notebooks {@code which} accepts. */
    public List<Generated> generate(Predicate<Path> which) {
        NotebookRunner runner = new NotebookRunner(NotebookRunner.Options.defaults().withCellTimeout(Duration.ofMinutes(5)));
        List<Generated> generated = new ArrayList<>();
        for (Path learner : learnerNotebooks().stream().filter(which).toList()) {
            Path target = solutionNotebookFor(learner);
            NotebookRunner.Result result = runner.run(withSolutions(learner));
            result.executed().write(target);
            String problem = result.succeeded() ? "" : result.failures().getFirst().error().describe();
            generated.add(new Generated(target, result.succeeded(), problem));
        }
        return generated;
    }

    /**
     * What is stale, one line each: a solution notebook that is missing, was never run, or
     * whose cells differ from what the learner notebook and the reference solutions give now.
     */
    public List<String> check() {
        List<String> problems = new ArrayList<>();
        for (Path learner : learnerNotebooks()) {
            Path target = solutionNotebookFor(learner);
            if (!Files.isRegularFile(target)) {
                problems.add(target + " is missing");
                continue;
            }
            Notebook existing = Notebook.read(target);
            if (!existing.withoutOutputs().toJson().equals(withSolutions(learner).toJson())) {
                problems.add(target + " differs from " + learner + " with the reference solutions");
            } else if (!existing.hasOutputs()) {
                problems.add(target + " has no outputs: it was never run");
            }
        }
        return problems;
    }
}
