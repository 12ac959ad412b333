package ai.asyncjava.kit.setup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A working Jupyter installation: the {@code jupyter} command and how the course came by it.
 *
 * @param executable the {@code jupyter} command, as an absolute path
 * @param origin     how it was found or installed, in words for the learner
 */
public record Jupyter(Path executable, String origin) {

    /** Runs {@code jupyter <args>} and returns what it printed. */
    public CommandRunner.Result run(Duration limit, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        return CommandRunner.run(command, limit);
    }

    /** The user's Jupyter data directory; kernelspecs go in its {@code kernels/} folder. */
    public Path dataDir() {
        CommandRunner.Result result = run(Duration.ofSeconds(60), "--data-dir");
        if (!result.succeeded()) {
            throw new IllegalStateException("`jupyter --data-dir` failed:\n" + result.tail(10));
        }
        return Path.of(result.output().strip().lines().reduce((a, b) -> b).orElseThrow());
    }
}
