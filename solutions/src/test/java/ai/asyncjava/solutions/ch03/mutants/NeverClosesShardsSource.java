package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.PromptSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/** Mutant: moves on from a used-up shard without closing it, and close() closes nothing. */
public class NeverClosesShardsSource implements PromptSource {

    private final Path inputDir;
    private Iterator<Path> shards;
    private BufferedReader shard;

    public NeverClosesShardsSource(Path inputDir) {
        this.inputDir = inputDir;
    }

    @Override
    public Optional<String> next() throws IOException {
        if (shards == null) {
            try (Stream<Path> files = Files.list(inputDir)) {
                shards = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList().iterator();
            }
        }
        for (String line = shard == null ? null : shard.readLine(); ; line = shard.readLine()) {
            if (line != null && !line.isBlank()) {
                return Optional.of(line);
            }
            if (line == null) {
                if (!shards.hasNext()) {
                    return Optional.empty();
                }
                shard = Files.newBufferedReader(shards.next()); // the used-up reader is dropped, still open
            }
        }
    }
}
