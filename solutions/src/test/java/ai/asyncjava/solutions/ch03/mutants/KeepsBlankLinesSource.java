package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.solutions.ch03.ShardFileSource;
import java.nio.file.Path;

/** Mutant: hands out blank lines as prompts. */
public class KeepsBlankLinesSource extends ShardFileSource {

    public KeepsBlankLinesSource(Path inputDir) {
        super(inputDir);
    }

    @Override
    protected boolean isPrompt(String line) {
        return true;
    }
}
