package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Answers as JSON lines, {@code {"prompt": ..., "answer": ...}}, in shards of {@code shardSize}
 * lines: {@code shard_0.jsonl}, {@code shard_1.jsonl}, ... Not thread-safe: one writer at a time.
 */
public class JsonLinesShardWriter implements AnswerSink {

    private static final ObjectMapper JSON = new ObjectMapper(); // thread-safe once configured

    private final Path outputDir;
    private final int shardSize;
    private BufferedWriter shard; // the shard being filled, or null until the next answer comes
    private int shardNumber;
    private int linesInShard;

    public JsonLinesShardWriter(Path outputDir, int shardSize) {
        this.outputDir = outputDir;
        this.shardSize = shardSize;
    }

    @Override
    public void write(PromptAnswer answer) throws IOException {
        if (shard == null) {
            Files.createDirectories(outputDir);
            shard = Files.newBufferedWriter(outputDir.resolve("shard_" + shardNumber + ".jsonl"));
        }
        // Jackson escapes quotes, backslashes and line breaks, so each answer stays on one line.
        shard.write(JSON.writeValueAsString(answer));
        shard.write('\n');
        linesInShard++;
        if (linesInShard == shardSize) {
            close(); // full: finish it now, so it is complete on disk
            shardNumber++;
            linesInShard = 0;
        }
    }

    @Override
    public void close() throws IOException {
        if (shard != null) {
            shard.close(); // flushes the buffer
            shard = null;
        }
    }
}
