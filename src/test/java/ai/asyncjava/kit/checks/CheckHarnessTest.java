package ai.asyncjava.kit.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.checks.ch00.Chapter00;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import example.learner.Deadlocker;
import example.learner.LearnerMistakes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the harness reports the ways learner code goes wrong. */
class CheckHarnessTest {

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected \"" + part + "\" in:\n" + text);
        }
    }

    @Test
    void emptySkeletonNamesEachFailedCheckInPlainWords() {
        CheckReport report = Chapter00.checkFanOut(LearnerMistakes.EmptySkeleton::new);

        assertEquals(4, report.results().size());
        assertEquals(List.of(CheckStatus.FAILED, CheckStatus.FAILED, CheckStatus.FAILED, CheckStatus.PASSED),
                report.results().stream().map(CheckResult::status).toList(), report.plainText());
        assertContains(report.plainText(),
                "1 of 4 checks passed",
                "✘ returns one answer per request, in the order of the requests",
                "callAll returned 0 answers for 6 requests",
                "callAll never called the service",
                "yet callAll returned []");
        assertTrue(report.millis() < 10_000, "an exercise's checks take at most 10 s");
    }

    @Test
    void busyLoopIsReportedAsUnstoppableAndTheRestIsSkipped() {
        try {
            long started = System.nanoTime();
            CheckReport report = Chapter00.checkFanOut(LearnerMistakes.BusyLoop::new);
            long seconds = (System.nanoTime() - started) / 1_000_000_000;

            CheckResult first = report.results().getFirst();
            assertEquals(CheckStatus.FAILED, first.status());
            assertContains(first.message(), "Did not finish within 3.0 s", "It was at LearnerMistakes$BusyLoop.callAll",
                    "busy in a loop", "Restart the kernel");
            assertTrue(report.results().stream().skip(1).allMatch(r -> r.status() == CheckStatus.NOT_RUN),
                    report.plainText());
            assertContains(report.results().get(1).message(), "still running", "restart the kernel");
            assertTrue(seconds < 7, "took " + seconds + " s");
        } finally {
            LearnerMistakes.BusyLoop.stop = true;
        }
    }

    @Test
    void endlessWaitIsInterruptedAndTheChecksStayWithinTheirBudget() {
        CheckReport report = Chapter00.checkFanOut(LearnerMistakes.WaitsForever::new);

        assertContains(report.results().getFirst().message(), "Did not finish within 3.0 s",
                "It was at LearnerMistakes$WaitsForever.callAll", "It was stopped by an interrupt");
        assertTrue(report.results().stream().noneMatch(CheckResult::passed));
        assertTrue(report.millis() < 12_000, "took " + report.millis() + " ms");
    }

    @Test
    void leftoverThreadsAreCountedAndLocated() {
        CheckReport report = Chapter00.checkFanOut(LearnerMistakes.LeavesThreadsRunning::new);

        assertContains(report.results().getFirst().message(),
                "Your code returned but left 6 threads running: 6 threads waiting in Thread.sleep, called from "
                        + "LearnerMistakes$LeavesThreadsRunning.lambda$callAll$0 (LearnerMistakes.java:");
    }

    @Test
    void exceptionsShowTheFirstFramesOfTheLearnersCode() {
        CheckReport report = Chapter00.checkFanOut(LearnerMistakes.ThrowsNullPointer::new);

        CheckResult first = report.results().getFirst();
        assertContains(first.message(), "Your code threw NullPointerException");
        assertContains(first.learnerFrames().getFirst(), "LearnerMistakes$ThrowsNullPointer.lambda$callAll$0 (LearnerMistakes.java:");
        assertContains(report.plainText(), "at LearnerMistakes$ThrowsNullPointer");
        assertContains(report.html(), "<table", "NullPointerException");
    }

    @Test
    void deadlockNamesTheThreadsAndTheLocksTheyWaitFor() {
        CheckReport report = RunsLearnerCode.EXERCISE.check((Runnable) new Deadlocker());

        assertContains(report.results().getFirst().message(), "Did not finish within 1.0 s", "Deadlock:",
                "thread \"mover-1\" at Deadlocker.lockBoth (Deadlocker.java:", "waits for java.lang.Object@", "held by \"mover-2\"");
    }

    @Test
    void okHttpsSharedTaskRunnerIsNotTheLearnersLeftover() {
        // OkHttp starts its JVM-wide task runner from whichever thread first needs it, which may be
        // learner code; it lingers for a minute and belongs to every google-genai client.
        Runnable startsTheTaskRunner = () -> {
            Thread runner = new Thread(() -> sleepQuietly(2_000), "OkHttp TaskRunner");
            runner.setDaemon(true);
            runner.start();
        };

        CheckReport report = RunsLearnerCode.EXERCISE.check(startsTheTaskRunner);

        assertTrue(report.allPassed(), report.plainText());
    }

    @Test
    void librariesTheKitShipsAreNotLearnerCode() {
        assertFalse(LearnerFrames.isLearnerCode(new StackTraceElement("okhttp3.internal.connection.RealCall", "execute",
                "RealCall.kt", 154)));
        assertFalse(LearnerFrames.isLearnerCode(new StackTraceElement("com.google.genai.Models", "generateContent",
                "Models.java", 5000)));
        assertTrue(LearnerFrames.isLearnerCode(new StackTraceElement("VirtualThreadsFanOut", "askAll", "#12", 9)));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void reportIsAvailableAsJsonForGraders() throws Exception {
        CheckReport report = Chapter00.checkFanOut(LearnerMistakes.EmptySkeleton::new);

        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals(Chapter00.FAN_OUT.title(), json.get("exercise").asText());
        assertEquals("FAILED", json.get("results").get(0).get("status").asText());
        assertTrue(json.get("results").get(0).get("message").asText().contains("0 answers"));
    }
}
