package ai.asyncjava.kit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal a worker JVM keeps of what it does: one JSON object a line, flushed as it goes,
 * so that when the JVM dies (an exit, a crash, a kill at the time limit) the grader still knows
 * which cell or check it was in. Every line carries a token the grader handed the worker on its
 * standard input: lines that learner code might forge into the file are ignored.
 */
final class WorkerEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The kinds of line. */
    static final String STARTED = "started";
    static final String CELL = "cell";
    static final String CELL_ERROR = "cell-error";
    static final String CHECK = "check";
    static final String REPORT = "report";
    static final String CHECK_ERROR = "check-error";
    static final String LEFT_RUNNING = "left-running";
    static final String THREAD_BOMB = "thread-bomb";
    static final String EXIT_CALLED = "exit-called";
    static final String DONE = "done";

    private final OutputStream out;
    private final String token;

    WorkerEvents(Path file, String token) {
        try {
            this.out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the worker's journal " + file, e);
        }
        this.token = token;
    }

    ObjectNode event(String kind) {
        ObjectNode event = JSON.createObjectNode();
        event.put("token", token);
        event.put("event", kind);
        // Milliseconds since this JVM started: the start-up cost against the checks' own time.
        event.put("ms", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        return event;
    }

    synchronized void write(ObjectNode event) {
        try {
            out.write((JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the worker's journal", e);
        }
    }

    /** The journal's genuine lines, in order; an unreadable or forged line is skipped. */
    static List<JsonNode> read(Path file, String token) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the worker's journal " + file, e);
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode event = JSON.readTree(line);
                if (event != null && token.equals(event.path("token").asText())) {
                    events.add(event);
                }
            } catch (IOException halfWritten) {
                // the JVM died in the middle of this line
            }
        }
        return events;
    }
}
