package ai.asyncjava.kit.grading.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackHtmlTest {

    @TempDir
    Path dir;

    private Document written() throws IOException {
        Path file = dir.resolve("alice/02/feedback.html");
        FeedbackHtml.write(file, SampleGrades.aliceChapter02());
        return Jsoup.parse(Files.readString(file));
    }

    @Test
    void thePageStandsAloneWithoutScriptsOrAnythingFetched() throws IOException {
        Document page = written();
        assertTrue(page.select("script, link, iframe, img, object, embed, [src], [href]").isEmpty(), page.html());
        String css = page.selectFirst("style").data(); // a style element holds data, not text
        assertFalse(css.contains("url("), "nothing fetched from the CSS either");
        assertTrue(css.contains("#1a7f37") && css.contains("#cf222e"), "the notebook report's colours");
    }

    @Test
    void headedWithStudentChapterNotebookLimitsAndNotes() throws IOException {
        Document page = written();
        assertEquals("Chapter 02: feedback for alice", page.title());
        assertEquals("Chapter 02: feedback for alice", page.selectFirst("h1").text());
        assertEquals("02-quotas.ipynb", page.selectFirst(".notebook code").text());
        String limits = page.selectFirst("table.limits").text();
        for (String limit : List.of("5 min for the whole notebook", "512 MiB", "×2.0", "4 submissions graded at once",
                "no network: a proxy that refuses")) {
            assertTrue(limits.contains(limit), limit + " in " + limits);
        }
        assertEquals(List.of("the cell after \"Try it\" did not compile & was left out"), page.select(".notes li").eachText());
    }

    @Test
    void eachExerciseReadsLikeItsNotebookReport() throws IOException {
        Elements exercises = written().select("section.exercise");
        assertEquals(2, exercises.size());

        Element window = exercises.get(0);
        Element headline = window.selectFirst(".headline");
        assertEquals("Sliding window: 2 of 3 checks passed", headline.text());
        assertTrue(headline.hasClass("fail"));
        assertTrue(window.select(".status").isEmpty(), "graded: no status line");
        Elements rows = window.select("table.checks tr");
        assertEquals(List.of("✔", "✔", "✘"), rows.stream().map(row -> row.child(0).text()).toList());
        assertEquals("stays under the quota", rows.get(1).child(1).text());
        assertEquals("Re-run: failed while 4 submissions were graded at once (" + SampleGrades.LONG_FIRST_MESSAGE
                + "); passed when run again alone", rows.get(1).selectFirst(".rerun").text());
        Element failed = rows.get(2);
        assertEquals("gave up after 1 attempt", failed.selectFirst(".message").text());
        assertEquals("at " + SampleGrades.FRAME, failed.selectFirst("pre").text());
        assertEquals("Re-run: failed while 4 submissions were graded at once (timed out after 2.0 s); failed again"
                + " when run alone", failed.selectFirst(".rerun").text());

        Element fanOut = exercises.get(1);
        assertEquals("Fan-out: 0 of 2 checks passed", fanOut.selectFirst(".headline").text());
        assertEquals("compile-error", fanOut.selectFirst(".status strong").text());
        assertTrue(fanOut.select("table").isEmpty(), "no check ran");
    }

    @Test
    void learnerTextIsEscapedNotMarkup() throws IOException {
        Path file = dir.resolve("feedback.html");
        FeedbackHtml.write(file, SampleGrades.aliceChapter02());
        String html = Files.readString(file);
        assertFalse(html.contains("<script>"), "the reason's tag is text");
        Document page = Jsoup.parse(html);
        assertEquals(SampleGrades.NASTY_REASON.replace('\n', ' '), page.selectFirst(".reason").text());
        assertEquals(SampleGrades.NASTY_REASON, page.selectFirst(".reason").wholeText());
    }

    @Test
    void fullMarksAreGreenAndAMissingNotebookSaysSo() throws IOException {
        Path file = dir.resolve("dave.html");
        FeedbackHtml.write(file, SampleGrades.daveFullMarks());
        Element headline = Jsoup.parse(Files.readString(file)).selectFirst(".headline");
        assertEquals("Sliding window: all 2 checks passed", headline.text());
        assertTrue(headline.hasClass("pass"));

        FeedbackHtml.write(file, SampleGrades.bobMissing());
        Document bob = Jsoup.parse(Files.readString(file));
        assertEquals("Notebook: none handed in", bob.selectFirst(".notebook").text());
        assertEquals(List.of("missing", "missing"), bob.select(".status strong").eachText());
    }
}
