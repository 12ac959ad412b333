package ai.asyncjava.kit.checks.ch03;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary folder of shard files for the source and writer checks, deleted afterwards, and
 * what the checks need to know about it: the files in it, and which of them this JVM holds open
 * (from {@code /proc/self/fd}, where the system has it).
 */
final class ShardFolder implements AutoCloseable {

    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    final Path dir;

    ShardFolder() {
        try {
            dir = Files.createTempDirectory("ch03-shards-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a temporary folder for the check", e);
        }
    }

    /** Writes {@code text} to the file {@code name} in the folder. */
    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Adds a line to the end of the file {@code name}. */
    void append(String name, String line) throws IOException {
        Files.writeString(dir.resolve(name), line + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    /** True when this system lists a process's open files, so {@link #openFiles()} means something. */
    static boolean canSeeOpenFiles() {
        return Files.isDirectory(OPEN_FILES);
    }

    /** The names of the files in the folder that this JVM has open right now. */
    List<String> openFiles() throws IOException {
        List<String> open = new ArrayList<>();
        if (!canSeeOpenFiles()) {
            return open;
        }
        try (Stream<Path> descriptors = Files.list(OPEN_FILES)) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    Path target = Files.readSymbolicLink(descriptor);
                    if (target.startsWith(dir)) {
                        open.add(target.getFileName().toString());
                    }
                } catch (IOException | UnsupportedOperationException closedMeanwhile) {
                    // the descriptor went away while we looked
                }
            }
        }
        return open;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
