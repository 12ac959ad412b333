package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Mutant: collects a shard's lines in a list and writes it out when full, but never clears the list. */
public class ForgetsToClearBufferWriter implements AnswerSink {

    private final Path outputDir;
    private final int shardSize;
    private final List<String> lines = new ArrayList<>();
    private int shardNumber;

    public ForgetsToClearBufferWriter(Path outputDir, int shardSize) {
        this.outputDir = outputDir;
        this.shardSize = shardSize;
    }

    @Override
    public void write(PromptAnswer answer) throws IOException {
        lines.add(ShardLines.json(answer));
        if (lines.size() == shardSize) {
            flushShard();
        }
    }

    @Override
    public void close() throws IOException {
        if (lines.size() > shardSize || lines.size() < shardSize && !lines.isEmpty()) {
            flushShard();
        }
    }

    private void flushShard() throws IOException {
        Files.createDirectories(outputDir);
        Files.write(outputDir.resolve("shard_" + shardNumber++ + ".jsonl"), lines);
    }
}
