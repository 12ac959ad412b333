package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import java.io.IOException;
import java.nio.file.Path;

/** Mutant: builds each JSON line by string concatenation, so quotes and line breaks are not escaped. */
public class HandMadeJsonWriter extends ShardLines {

    public HandMadeJsonWriter(Path outputDir, int shardSize) {
        super(outputDir, shardSize);
    }

    @Override
    public void write(PromptAnswer answer) throws IOException {
        writeLine("{\"prompt\": \"" + answer.prompt() + "\", \"answer\": \"" + answer.answer() + "\"}");
        if (linesInShard() == shardSize()) {
            finishShard();
        }
    }
}
