package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The file handling the writer mutants share; each decides in write() when a shard is finished. */
abstract class ShardLines implements AnswerSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outputDir;
    private final int shardSize;
    private BufferedWriter shard;
    private int shardNumber;
    private int linesInShard;

    ShardLines(Path outputDir, int shardSize) {
        this.outputDir = outputDir;
        this.shardSize = shardSize;
    }

    static String json(PromptAnswer answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    int shardSize() {
        return shardSize;
    }

    int linesInShard() {
        return linesInShard;
    }

    /** Writes a line to the current shard, opening one if none is open. */
    void writeLine(String line) throws IOException {
        if (shard == null) {
            Files.createDirectories(outputDir);
            shard = Files.newBufferedWriter(outputDir.resolve("shard_" + shardNumber + ".jsonl"));
        }
        shard.write(line + "\n");
        linesInShard++;
    }

    /** Closes the current shard; the next line opens the next one. */
    void finishShard() throws IOException {
        if (shard != null) {
            shard.close();
            shard = null;
            shardNumber++;
            linesInShard = 0;
        }
    }

    @Override
    public void close() throws IOException {
        finishShard();
    }
}
