package ai.asyncjava.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the grader reads a worker's journal and exit: each way a JVM can end gets its own status and reason. */
class AttemptTest {

    @TempDir
    Path dir;

    private List<JsonNode> journal(String... kindsAndFields) {
        Path file = dir.resolve("events.jsonl");
        WorkerEvents events = new WorkerEvents(file, "secret");
        for (String line : kindsAndFields) {
            String[] parts = line.split(" ", 2);
            var event = events.event(parts[0]);
            if (parts.length > 1) {
                for (String field : parts[1].split(",")) {
                    String[] kv = field.split("=");
                    if (kv[1].matches("\\d+")) {
                        event.put(kv[0], Integer.parseInt(kv[1]));
                    } else {
                        event.put(kv[0], kv[1]);
                    }
                }
            }
            events.write(event);
        }
        return WorkerEvents.read(file, "secret");
    }

    private static Attempt.Stop stop(List<JsonNode> events, int exit, boolean killed, String output) {
        return Attempt.read(new WorkerProcess.Ended(exit, killed, events, output, 1000))
                .stop(256, 2000, "120 s").orElseThrow();
    }

    @Test
    void aFinishedWorkerDidNotStop() {
        List<JsonNode> events = journal("started", "cell cell=1,scope=EVERYTHING", "check exercise=fan-out", "done");
        assertFalse(Attempt.read(new WorkerProcess.Ended(0, false, events, "", 5)).stop(256, 2000, "").isPresent());
    }

    @Test
    void linesWithoutTheTokenAreForgeriesAndIgnored() throws Exception {
        Path file = dir.resolve("events.jsonl");
        journal("started");
        Files.writeString(file, Files.readString(file) + "{\"token\":\"guess\",\"event\":\"done\"}\n{half a line");
        List<JsonNode> events = WorkerEvents.read(file, "secret");
        assertEquals(1, events.size());
        assertFalse(Attempt.read(new WorkerProcess.Ended(0, false, events, "", 5)).done);
    }

    @Test
    void systemExitIsACrashNamingTheStatus() {
        Attempt.Stop stop = stop(journal("started", "check exercise=fan-out", "exit-called"), 3, false, "");
        assertEquals(GradeStatus.CRASHED, stop.status());
        assertEquals("fan-out", stop.step().exercise());
        assertTrue(stop.reason().contains("System.exit(3)"), stop.reason());
    }

    @Test
    void aHeapOutOfMemoryIsOutOfMemory() {
        Attempt.Stop stop = stop(journal("started", "cell cell=5,scope=EVERYTHING"), 3, false,
                "printed\nTerminating due to java.lang.OutOfMemoryError: Java heap space\n");
        assertEquals(GradeStatus.OUT_OF_MEMORY, stop.status());
        assertEquals(5, stop.step().cell());
        assertTrue(stop.step().wholeCell());
        assertTrue(stop.reason().contains("Java heap space") && stop.reason().contains("256 MB"), stop.reason());
    }

    @Test
    void runningOutOfNativeThreadsIsAThreadBomb() {
        Attempt.Stop stop = stop(journal("started", "check exercise=fan-out"), 3, false,
                "Terminating due to java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory");
        assertEquals(GradeStatus.CRASHED, stop.status());
        assertTrue(stop.reason().contains("more threads"), stop.reason());
    }

    @Test
    void theThreadWatchIsAThreadBomb() {
        Attempt.Stop stop = stop(journal("started", "check exercise=fan-out", "thread-bomb threads=2017"),
                GradeWorker.EXIT_THREAD_BOMB, false, "");
        assertEquals(GradeStatus.CRASHED, stop.status());
        assertTrue(stop.reason().contains("2017 platform threads") && stop.reason().contains("2000"), stop.reason());
    }

    @Test
    void aKillAtTheLimitIsATimeout() {
        Attempt.Stop stop = stop(journal("started", "cell cell=3,scope=DECLARATIONS"), 137, true, "");
        assertEquals(GradeStatus.TIMEOUT, stop.status());
        assertEquals(3, stop.step().cell());
        assertFalse(stop.step().wholeCell());
        assertTrue(stop.reason().contains("120 s"), stop.reason());
    }

    @Test
    void aCellThatCouldNotBeStoppedIsATimeout() {
        Attempt.Stop stop = stop(journal("started", "cell cell=9,scope=EVERYTHING"), GradeWorker.EXIT_CELL_LOST, false, "");
        assertEquals(GradeStatus.TIMEOUT, stop.status());
        assertTrue(stop.reason().contains("never finished"), stop.reason());
    }

    @Test
    void anyOtherEndIsACrashQuotingTheLastLine() {
        Attempt.Stop stop = stop(journal("started"), 134, false, "#\n# A fatal error has been detected by the JVM\n");
        assertEquals(GradeStatus.CRASHED, stop.status());
        assertTrue(stop.reason().contains("134") && stop.reason().contains("fatal error"), stop.reason());
    }

    @Test
    void checksThatLeftCodeRunningAreNotAStop() {
        List<JsonNode> events = journal("started", "check exercise=fan-out", "report exercise=fan-out",
                "left-running exercise=fan-out,where=acquire");
        Attempt attempt = Attempt.read(new WorkerProcess.Ended(GradeWorker.EXIT_LEFT_RUNNING, false, events, "", 5));
        assertFalse(attempt.stop(256, 2000, "").isPresent());
        assertEquals("fan-out", attempt.leftRunningExercise);
    }
}
