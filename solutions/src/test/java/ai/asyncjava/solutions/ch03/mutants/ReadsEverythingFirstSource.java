package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.PromptSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.stream.Stream;

/** Mutant: reads every line of every shard into memory up front, in the constructor. */
public class ReadsEverythingFirstSource implements PromptSource {

    private final Deque<String> prompts = new ArrayDeque<>();

    public ReadsEverythingFirstSource(Path inputDir) {
        try (Stream<Path> files = Files.list(inputDir)) {
            for (Path shard : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                Files.readAllLines(shard).stream().filter(line -> !line.isBlank()).forEach(prompts::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> next() {
        return Optional.ofNullable(prompts.poll());
    }
}
