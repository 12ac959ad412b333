package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import java.io.IOException;
import java.nio.file.Path;

/** Mutant: starts a new shard only once the current one holds more than shardSize lines. */
public class OffByOneShardWriter extends ShardLines {

    public OffByOneShardWriter(Path outputDir, int shardSize) {
        super(outputDir, shardSize);
    }

    @Override
    public void write(PromptAnswer answer) throws IOException {
        if (linesInShard() > shardSize()) {
            finishShard();
        }
        writeLine(json(answer));
    }
}
