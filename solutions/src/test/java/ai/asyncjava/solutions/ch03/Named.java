package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Factories that take arguments, made nameable: MutantProof names a mutant after the class its
 * factory makes, and can only ask a {@link Supplier} for one. Each {@code get()} makes an instance
 * over an empty folder that is never used.
 */
final class Named {

    private static final Path UNUSED = emptyFolder();

    private Named() {}

    /** A source factory that is also a supplier of one, for its name. */
    record Sources(Function<Path, PromptSource> make) implements Function<Path, PromptSource>, Supplier<PromptSource> {
        @Override
        public PromptSource apply(Path dir) {
            return make.apply(dir);
        }

        @Override
        public PromptSource get() {
            return make.apply(UNUSED);
        }
    }

    /** A writer factory that is also a supplier of one, for its name. */
    record Writers(BiFunction<Path, Integer, AnswerSink> make)
            implements BiFunction<Path, Integer, AnswerSink>, Supplier<AnswerSink> {
        @Override
        public AnswerSink apply(Path dir, Integer shardSize) {
            return make.apply(dir, shardSize);
        }

        @Override
        public AnswerSink get() {
            return make.apply(UNUSED, 1);
        }
    }

    private static Path emptyFolder() {
        try {
            Path folder = Files.createTempDirectory("ch03-unused-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Sources source(Function<Path, PromptSource> make) {
        return new Sources(make);
    }

    static Writers writer(BiFunction<Path, Integer, AnswerSink> make) {
        return new Writers(make);
    }
}
