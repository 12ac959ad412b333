package ai.asyncjava.kit.grading.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.grading.SubmissionGrade;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExercismResultsTest {

    @TempDir
    Path dir;

    private JsonNode written(SubmissionGrade grade) throws IOException {
        Path file = dir.resolve("results.json");
        ExercismResults.write(file, grade);
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\n"), "pretty printed");
        return new ObjectMapper().readTree(text);
    }

    @Test
    void aPartlyGradedSubmissionFailsWithOneTestPerCheck() throws IOException {
        JsonNode results = written(SampleGrades.aliceChapter02());
        assertEquals(3, results.get("version").asInt());
        assertEquals("fail", results.get("status").asText());
        assertFalse(results.has("message"), "a message only for status error");

        JsonNode tests = results.get("tests");
        List<String> names = new ArrayList<>();
        tests.forEach(test -> names.add(test.get("name").asText()));
        assertEquals(List.of("Sliding window: keeps the order", "Sliding window: stays under the quota",
                "Sliding window: retries a 429", "Fan-out"), names);

        JsonNode passed = tests.get(0);
        assertEquals("pass", passed.get("status").asText());
        assertTrue(passed.get("message").isNull());
        assertTrue(passed.get("output").isNull());
        assertEquals("keeps the order", passed.get("test_code").asText());
        assertTrue(passed.get("task_id").isTextual(), "the exercise's id, not a task number");
        assertEquals("sliding-window", passed.get("task_id").asText());

        JsonNode rerunPassed = tests.get(1);
        assertEquals("pass", rerunPassed.get("status").asText());
        assertTrue(rerunPassed.get("message").isNull());
        String output = rerunPassed.get("output").asText();
        assertEquals(500, output.length(), "cut to Exercism's 500 characters");
        assertTrue(output.startsWith("First run, failed while 4 submissions were graded at once: timed out after 2.0 s"), output);
        assertTrue(output.endsWith("… (cut to 500 characters)"), output);

        JsonNode failed = tests.get(2);
        assertEquals("fail", failed.get("status").asText());
        assertEquals("gave up after 1 attempt\nat " + SampleGrades.FRAME + "\nfailed while 4 submissions were graded"
                + " at once (timed out after 2.0 s); failed again when run alone", failed.get("message").asText());
        assertEquals("First run, failed while 4 submissions were graded at once: timed out after 2.0 s",
                failed.get("output").asText());

        JsonNode compileError = tests.get(3);
        assertEquals("error", compileError.get("status").asText());
        assertEquals(SampleGrades.NASTY_REASON, compileError.get("message").asText());
        assertEquals("fan-out", compileError.get("task_id").asText());
    }

    @Test
    void aMissingNotebookIsAnErrorWithItsReason() throws IOException {
        JsonNode results = written(SampleGrades.bobMissing());
        assertEquals("error", results.get("status").asText());
        assertEquals("no notebook handed in for chapter 02", results.get("message").asText(), "said once, not per exercise");
    }

    @Test
    void aNotebookThatRanOutOfMemoryBeforeAnyCheckIsAnError() throws IOException {
        JsonNode results = written(SampleGrades.carolOutOfMemory());
        assertEquals("error", results.get("status").asText());
        assertEquals("the notebook ran out of its 512 MiB heap", results.get("message").asText());
        results.get("tests").forEach(test -> {
            assertEquals("error", test.get("status").asText(), "a check that never ran");
            assertEquals("the notebook ran out of its 512 MiB heap", test.get("message").asText());
        });
    }

    @Test
    void fullMarksPass() throws IOException {
        JsonNode results = written(SampleGrades.daveFullMarks());
        assertEquals("pass", results.get("status").asText());
        assertFalse(results.has("message"));
        assertEquals(2, results.get("tests").size());
    }

    @Test
    void outputIsCutToFiveHundredCharactersWithoutSplittingACharacter() {
        String exactly = "x".repeat(500);
        assertEquals(exactly, ExercismResults.capped(exactly));
        assertEquals(500, ExercismResults.capped("x".repeat(501)).length());
        String emojis = "😀".repeat(300); // two UTF-16 units each
        String cut = ExercismResults.capped(emojis);
        assertTrue(cut.length() <= 500);
        assertTrue(cut.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF), "no half of an emoji left");
        assertTrue(cut.endsWith("… (cut to 500 characters)"));
    }
}
