package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.PromptSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Mutant: when a shard is used up, the source opens the next one and hands out its first prompt,
 * so a shard with no prompts at all reads as the end of them.
 */
public class StopsAtEmptyShardSource implements PromptSource {

    private final Path inputDir;
    private Iterator<Path> shards;
    private BufferedReader shard;

    public StopsAtEmptyShardSource(Path inputDir) {
        this.inputDir = inputDir;
    }

    @Override
    public Optional<String> next() throws IOException {
        if (shards == null) {
            try (Stream<Path> files = Files.list(inputDir)) {
                shards = files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList().iterator();
            }
        }
        String prompt = shard == null ? null : nextPrompt();
        if (prompt == null) { // this shard is used up: on to the next
            close();
            if (!shards.hasNext()) {
                return Optional.empty();
            }
            shard = Files.newBufferedReader(shards.next());
            prompt = nextPrompt();
        }
        return Optional.ofNullable(prompt);
    }

    // The next non-blank line of the open shard, or null at its end.
    private String nextPrompt() throws IOException {
        String line = shard.readLine();
        while (line != null && line.isBlank()) {
            line = shard.readLine();
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        if (shard != null) {
            shard.close();
            shard = null;
        }
    }
}
