package ai.asyncjava.kit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.setup.Jupyter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the executor treats a kernel that never starts, with a stand-in for {@code jupyter} (a
 * shell script that counts its runs): such a start is retried, a failure after the start is not.
 */
class NbconvertExecutorTest {

    @TempDir
    Path dir;

    /** A {@code jupyter} that fails its first {@code failures} runs with {@code words}, then executes. */
    private Jupyter fakeJupyter(int failures, String words) throws IOException {
        Path script = dir.resolve("jupyter");
        Files.writeString(script, """
                #!/usr/bin/env bash
                runs_file="%s"
                runs=$(( $(cat "$runs_file" 2>/dev/null || echo 0) + 1 ))
                echo "$runs" > "$runs_file"
                if (( runs <= %d )); then
                  echo "RuntimeError: %s" >&2
                  exit 1
                fi
                while (( $# > 1 )); do
                  case "$1" in
                    --output-dir) out_dir="$2"; shift ;;
                    --output) out_name="$2"; shift ;;
                  esac
                  shift
                done
                cp "$1" "$out_dir/$out_name.ipynb"
                """.formatted(dir.resolve("runs"), failures, words), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Jupyter(script, "a test's stand-in");
    }

    private Path notebook() throws IOException {
        Path notebook = dir.resolve("tiny.ipynb");
        Files.writeString(notebook, """
                {"cells": [{"cell_type": "code", "execution_count": null, "id": "one", "metadata": {},
                  "outputs": [], "source": ["int x = 1;"]}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """, StandardCharsets.UTF_8);
        return notebook;
    }

    private int runs() throws IOException {
        return Integer.parseInt(Files.readString(dir.resolve("runs")).strip());
    }

    @Test
    void aKernelThatDidNotStartIsStartedAgain() throws IOException {
        Notebook executed = new NbconvertExecutor(fakeJupyter(1, "Kernel didn't respond in 45 seconds"), null)
                .execute(notebook(), "some-kernel", dir.resolve("out"), Duration.ofSeconds(10));
        assertEquals(List.of("one"), executed.cells().stream().map(cell -> cell.path("id").asText()).toList());
        assertEquals(2, runs());
    }

    @Test
    void aKernelThatNeverStartsIsReportedAfterThreeStarts() throws IOException {
        String message = failureAfterStarts("Kernel died before replying to kernel_info");
        assertTrue(message.contains("could not execute") && message.contains("kernel_info"), message);
        assertEquals(3, runs());
    }

    @Test
    void anyOtherFailureIsReportedAtOnce() throws IOException {
        String message = failureAfterStarts("DeadKernelError: Kernel died");
        assertTrue(message.contains("DeadKernelError"), message);
        assertEquals(1, runs());
    }

    /** What the executor throws when every run of {@code jupyter} fails with {@code words}. */
    private String failureAfterStarts(String words) throws IOException {
        NbconvertExecutor executor = new NbconvertExecutor(fakeJupyter(5, words), null);
        Path notebook = notebook();
        return assertThrows(IllegalStateException.class, () ->
                executor.execute(notebook, "some-kernel", dir.resolve("out"), Duration.ofSeconds(10))).getMessage();
    }
}
