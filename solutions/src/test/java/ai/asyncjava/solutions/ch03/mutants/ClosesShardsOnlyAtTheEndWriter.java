package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Mutant: opens a new shard when one is full but closes none of them before close(). */
public class ClosesShardsOnlyAtTheEndWriter implements AnswerSink {

    private final Path outputDir;
    private final int shardSize;
    private final List<BufferedWriter> shards = new ArrayList<>();
    private int linesInShard;

    public ClosesShardsOnlyAtTheEndWriter(Path outputDir, int shardSize) {
        this.outputDir = outputDir;
        this.shardSize = shardSize;
    }

    @Override
    public void write(PromptAnswer answer) throws IOException {
        if (shards.isEmpty() || linesInShard == shardSize) {
            Files.createDirectories(outputDir);
            shards.add(Files.newBufferedWriter(outputDir.resolve("shard_" + shards.size() + ".jsonl")));
            linesInShard = 0;
        }
        shards.getLast().write(ShardLines.json(answer) + "\n");
        linesInShard++;
    }

    @Override
    public void close() throws IOException {
        for (BufferedWriter shard : shards) {
            shard.close();
        }
    }
}
