package ai.asyncjava.kit.setup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion within a time limit, capturing what it printed. */
public final class CommandRunner {

    /** What a finished (or abandoned) command left behind. */
    public record Result(List<String> command, int exitCode, String output, boolean timedOut) {
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** The last lines of the output, for an error message. */
        public String tail(int lines) {
            List<String> all = output.strip().lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    private CommandRunner() {}

    public static Result run(List<String> command, Duration limit) {
        return run(command, null, Map.of(), limit);
    }

    /**
     * Runs {@code command} with stdout and stderr merged. A program that cannot be started
     * gives exit code 127 (as a shell would); one that outlives {@code limit} is killed,
     * with its children.
     */
    public static Result run(List<String> command, Path workDir, Map<String, String> extraEnv, Duration limit) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(extraEnv);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(command, 127, e.getMessage(), false);
        }
        try {
            process.getOutputStream().close();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            // Drain the output concurrently, or a chatty command blocks on a full pipe.
            Thread drainer = Thread.ofVirtual().start(() -> copy(process.getInputStream(), output));
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            drainer.join(Duration.ofSeconds(5));
            String text;
            synchronized (output) {
                text = output.toString(StandardCharsets.UTF_8);
            }
            return new Result(command, finished ? process.exitValue() : -1, text, !finished);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException ignored) {
            // The process was killed; what was read so far is kept.
        }
    }
}
