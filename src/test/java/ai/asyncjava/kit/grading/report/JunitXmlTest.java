package ai.asyncjava.kit.grading.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.checks.CheckStatus;
import ai.asyncjava.kit.grading.CheckRow;
import ai.asyncjava.kit.grading.ExerciseGrade;
import ai.asyncjava.kit.grading.GradeStatus;
import ai.asyncjava.kit.grading.SubmissionGrade;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {

    @TempDir
    Path dir;

    private Element written(List<SubmissionGrade> grades) throws Exception {
        Path file = dir.resolve("junit.xml");
        JunitXml.write(file, grades);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return xml.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    @Test
    void oneSuitePerSubmissionWithItsCounts() throws Exception {
        Element root = written(List.of(SampleGrades.aliceChapter02(), SampleGrades.carolOutOfMemory()));
        assertEquals("testsuites", root.getTagName());
        assertEquals("6", root.getAttribute("tests"));
        List<Element> suites = children(root, "testsuite");
        assertEquals(2, suites.size());

        Element alice = suites.get(0);
        assertEquals("alice/02", alice.getAttribute("name"));
        assertEquals("4", alice.getAttribute("tests"));
        assertEquals("1", alice.getAttribute("failures"));
        assertEquals("1", alice.getAttribute("errors"));
        assertEquals("0", alice.getAttribute("skipped"));
        assertEquals("4.321", alice.getAttribute("time"));

        Element carol = suites.get(1);
        assertEquals("carol/01", carol.getAttribute("name"));
        assertEquals("2", carol.getAttribute("skipped"));
        assertEquals("0", carol.getAttribute("failures"));
    }

    @Test
    void suitesComeInTheGradebooksOrderWhateverOrderGradingFinishedIn() throws Exception {
        List<String> names = children(written(SampleGrades.batch()), "testsuite").stream()
                .map(suite -> suite.getAttribute("name")).toList();
        assertEquals(List.of("alice/01", "alice/02", "bob/02", "carol/01", "Dave/02"), names);
    }

    @Test
    void oneCasePerCheckWithFailuresErrorsAndSkips() throws Exception {
        Element root = written(List.of(SampleGrades.aliceChapter02(), SampleGrades.carolOutOfMemory()));
        List<Element> cases = children(root, "testcase");
        assertEquals(List.of("keeps the order", "stays under the quota", "retries a 429", "Fan-out", "a", "b"),
                cases.stream().map(c -> c.getAttribute("name")).toList());
        assertEquals("alice.02.sliding-window", cases.get(0).getAttribute("classname"));
        assertEquals("0.120", cases.get(0).getAttribute("time"));
        assertEquals(0, cases.get(0).getChildNodes().getLength(), "a pass first time has nothing to say");

        Element rerun = children(cases.get(1), "system-out").get(0);
        assertTrue(rerun.getTextContent().endsWith("; passed when run again alone"), rerun.getTextContent());

        Element failure = children(cases.get(2), "failure").get(0);
        assertEquals("gave up after 1 attempt", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("\nat " + SampleGrades.FRAME + "\n"), failure.getTextContent());

        Element error = children(cases.get(3), "error").get(0);
        assertEquals("alice.02.fan-out", cases.get(3).getAttribute("classname"));
        assertEquals("compile-error", error.getAttribute("type"));
        assertEquals(SampleGrades.NASTY_REASON, error.getTextContent(), "escaped, and back whole");

        Element skipped = children(cases.get(4), "skipped").get(0);
        assertEquals("the notebook ran out of its 512 MiB heap", skipped.getAttribute("message"));
    }

    @Test
    void charactersXmlCannotHoldAreDroppedSoTheFileStillParses() throws Exception {
        CheckRow row = new CheckRow("prints", CheckStatus.FAILED, "got \u0000\u0007bell \uD800 and 😀", List.of(), 5,
                CheckRow.Rerun.NONE, "");
        SubmissionGrade grade = new SubmissionGrade("eve", "03", "03.ipynb", "ee", List.of(new ExerciseGrade("eve",
                "03", "reader", "Reader", 0, 1, GradeStatus.GRADED, "1 check failed", List.of(row))),
                List.of(), SampleGrades.LIMITS, 5);
        Element failure = children(written(List.of(grade)), "failure").get(0);
        assertEquals("got bell  and 😀", failure.getAttribute("message"));
    }
}
