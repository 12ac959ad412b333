package ai.asyncjava.kit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one worker JVM for one attempt at a submission, in a working directory of its own,
 * waits for it within a wall-clock limit, and kills it and everything it started at the limit.
 */
final class WorkerProcess {

    /** How an attempt ended, as the grader saw it from outside. */
    record Ended(int exitCode, boolean killedAtLimit, List<JsonNode> events, String outputTail, long millis) {}

    /** The last part of the worker's console output kept for the reasons (an OutOfMemoryError's line). */
    private static final int TAIL_BYTES = 16_384;

    private final WorkerSettings settings;

    WorkerProcess(WorkerSettings settings) {
        this.settings = settings;
    }

    /** Runs {@code job} (its {@code events} field is filled in here) and says how it ended. */
    Ended run(WorkerJob job, Path workDir, Duration limit) {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path events = workDir.resolve("events.jsonl");
        Path jobFile = workDir.resolve("job.json");
        Path output = workDir.resolve("output.log");
        Path tmp = workDir.resolve("tmp");
        WorkerJob withJournal = new WorkerJob(job.notebook(), job.chapter(), job.exercises(), job.skipCells(), job.declarationsOnly(),
                job.onlyChecks(), job.slowdown(), job.learnerCellMillis(), job.maxThreads(), events.toString());
        long started = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(tmp);
            WorkerEvents.JSON.writeValue(jobFile.toFile(), withJournal);
            ProcessBuilder builder = new ProcessBuilder(command(jobFile, tmp))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // Grading always talks to the simulators: a key in the instructor's environment must
            // neither reach learner code nor send a class's worth of calls to the real API.
            builder.environment().keySet().removeIf(name -> name.contains("API_KEY"));
            process = builder.start();
            process.getOutputStream().write((token + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a grading JVM in " + workDir, e);
        }
        boolean killed = false;
        try {
            if (!process.waitFor(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS)) {
                killed = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killed = true;
        } finally {
            killTree(process);
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        Ended ended = new Ended(exit, killed, WorkerEvents.read(events, token), tail(output),
                (System.nanoTime() - started) / 1_000_000);
        if (System.getenv("COURSE_DEBUG") != null) {
            // What an instructor or a developer needs to see why an attempt went as it did.
            System.err.println("attempt in " + workDir + ": exit " + exit + (killed ? " (killed at the limit)" : "")
                    + " after " + ended.millis() + " ms; journal:");
            ended.events().forEach(event -> System.err.println("  " + event));
            System.err.println("  output: " + ended.outputTail().strip());
        }
        return ended;
    }

    private List<String> command(Path jobFile, Path tmp) {
        List<String> command = new ArrayList<>(settings.isolation().prefix());
        command.add(settings.java().toString());
        command.add("-Xmx" + settings.memoryMb() + "m");
        command.add("-XX:+ExitOnOutOfMemoryError"); // an OutOfMemoryError ends the JVM with a line that says so
        command.add("-Djava.awt.headless=true");
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(settings.extraJvmOptions());
        command.add("-cp");
        command.add(settings.classPath());
        command.add(GradeWorker.class.getName());
        command.add(jobFile.toString());
        return command;
    }

    /** Kills the worker and whatever it started; the namespace kills the rest when isolated. */
    private static void killTree(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private static String tail(Path output) {
        try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
