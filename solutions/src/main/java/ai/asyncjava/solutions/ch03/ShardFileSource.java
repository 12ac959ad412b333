package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.exercises.ch03.PromptSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The prompts of a folder of shards ({@code *.txt}, one prompt per line), read one line at a time:
 * a shard is opened when the one before it is used up, and closed as soon as it is used up itself.
 */
public class ShardFileSource implements PromptSource {

    private final Path inputDir;
    private Iterator<Path> shards; // listed on the first call, not in the constructor
    private BufferedReader shard;  // the shard being read, or null between shards

    public ShardFileSource(Path inputDir) {
        this.inputDir = inputDir;
    }

    @Override
    public Optional<String> next() throws IOException {
        if (shards == null) {
            shards = listShards();
        }
        while (true) {
            if (shard == null) {
                if (!shards.hasNext()) {
                    return Optional.empty();
                }
                shard = Files.newBufferedReader(shards.next());
            }
            String line = shard.readLine();
            if (line == null) {
                close(); // this shard is used up: on to the next
            } else if (isPrompt(line)) {
                return Optional.of(line);
            }
        }
    }

    /** Blank lines are not prompts. */
    protected boolean isPrompt(String line) {
        return !line.isBlank();
    }

    @Override
    public void close() throws IOException {
        if (shard != null) {
            shard.close();
            shard = null;
        }
    }

    private Iterator<Path> listShards() throws IOException {
        try (Stream<Path> files = Files.list(inputDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".txt")).sorted().toList().iterator();
        }
    }
}
