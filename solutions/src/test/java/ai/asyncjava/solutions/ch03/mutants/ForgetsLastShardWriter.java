package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import java.io.IOException;
import java.nio.file.Path;

/** Mutant: close() does nothing, so the last shard's lines stay in its writer's buffer. */
public class ForgetsLastShardWriter extends ShardLines {

    public ForgetsLastShardWriter(Path outputDir, int shardSize) {
        super(outputDir, shardSize);
    }

    @Override
    public void write(PromptAnswer answer) throws IOException {
        writeLine(json(answer));
        if (linesInShard() == shardSize()) {
            finishShard();
        }
    }

    @Override
    public void close() {
        // the shard being filled is never closed
    }
}
