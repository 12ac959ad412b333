package ai.asyncjava.kit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The stacks of every thread of this JVM, virtual threads included. {@code Thread.getAllStackTraces()}
 * leaves virtual threads out, and they belong to no thread group that can be listed, so a thread
 * dump (the JDK's {@code HotSpotDiagnosticMXBean.dumpThreads}, the same as {@code jcmd
 * Thread.dump_to_file}) is the one way to see where a virtual thread of the learner's waits.
 */
public final class ThreadDump {

    /** "java.base/java.lang.Thread.sleep(Thread.java:509)", "Foo.bar(#12:3)", "X.y(Native Method)". */
    private static final Pattern FRAME = Pattern.compile(
            "^(?:[^/(]*/)*(?<type>[^(]+)\\.(?<method>[^.(]+)\\((?<source>[^)]*)\\)$");
    private static final Pattern FILE_AND_LINE = Pattern.compile("^(?<file>.*):(?<line>\\d+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ThreadDump() {}

    /** One thread of the dump: its id, its name and its stack, innermost frame first. */
    public record DumpedThread(long id, String name, StackTraceElement[] stack) {}

    /** Every thread alive now, platform and virtual; empty when this JVM cannot make a dump. */
    public static List<DumpedThread> all() {
        try {
            Path folder = Files.createTempDirectory("course-thread-dump");
            Path file = folder.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                return parse(JSON.readTree(file.toFile()));
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(folder);
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // a description of stuck threads is a help, never a reason to fail
        }
    }

    /** The ids of every thread alive now. */
    public static Set<Long> ids() {
        return all().stream().map(DumpedThread::id).collect(Collectors.toSet());
    }

    /**
     * The threads alive now that were not among {@code earlier} (ids from {@link #ids()}) and are
     * somewhere in the learner's code: the threads a piece of learner code started.
     */
    public static List<DumpedThread> startedSince(Set<Long> earlier) {
        return all().stream()
                .filter(t -> !earlier.contains(t.id()))
                .filter(t -> Arrays.stream(t.stack()).anyMatch(LearnerFrames::isLearnerCode))
                .toList();
    }

    static List<DumpedThread> parse(JsonNode dump) {
        List<DumpedThread> threads = new ArrayList<>();
        for (JsonNode container : dump.path("threadDump").path("threadContainers")) {
            for (JsonNode thread : container.path("threads")) {
                List<StackTraceElement> stack = new ArrayList<>();
                for (JsonNode frame : thread.path("stack")) {
                    StackTraceElement element = frame(frame.asText());
                    if (element != null) {
                        stack.add(element);
                    }
                }
                threads.add(new DumpedThread(thread.path("tid").asLong(-1), thread.path("name").asText(""),
                        stack.toArray(StackTraceElement[]::new)));
            }
        }
        return threads;
    }

    /** A frame as the dump prints it, read back; null when it cannot be read. */
    static StackTraceElement frame(String text) {
        Matcher frame = FRAME.matcher(text.strip());
        if (!frame.matches()) {
            return null;
        }
        String source = frame.group("source");
        String file = null;
        int line = -1;
        Matcher fileAndLine = FILE_AND_LINE.matcher(source);
        if (fileAndLine.matches()) {
            file = fileAndLine.group("file");
            line = Integer.parseInt(fileAndLine.group("line"));
        } else if (source.equals("Native Method")) {
            line = -2;
        }
        return new StackTraceElement(frame.group("type"), frame.group("method"), file, line);
    }
}
