package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.PromptSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Mutant: reports the end when the first shard is used up, instead of going on to the next. */
public class StopsAtEndOfFirstShardSource implements PromptSource {

    private final Path inputDir;
    private BufferedReader shard;

    public StopsAtEndOfFirstShardSource(Path inputDir) {
        this.inputDir = inputDir;
    }

    @Override
    public Optional<String> next() throws IOException {
        if (shard == null) {
            try (Stream<Path> files = Files.list(inputDir)) {
                shard = Files.newBufferedReader(files.filter(f -> f.toString().endsWith(".txt")).sorted()
                        .findFirst().orElseThrow());
            }
        }
        for (String line = shard.readLine(); line != null; line = shard.readLine()) {
            if (!line.isBlank()) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        if (shard != null) {
            shard.close();
        }
    }
}
