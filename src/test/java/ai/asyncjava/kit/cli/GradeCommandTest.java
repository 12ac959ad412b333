package ai.asyncjava.kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to the grader's commands: a message that names what was wrong, never a stack trace. */
class GradeCommandTest {

    @TempDir
    Path dir;

    private record Ran(int exit, String err) {}

    private static Ran course(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CourseCli()).setExecutionExceptionHandler(new FriendlyErrors())
                .setErr(new PrintWriter(err));
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return new Ran(cli.execute(args), err.toString());
        } finally {
            System.setOut(stdout);
        }
    }

    private static void assertFriendly(Ran ran, String words) {
        assertEquals(1, ran.exit(), ran.err());
        assertTrue(ran.err().contains(words), ran.err());
        assertFalse(ran.err().contains("\tat ") || ran.err().contains("Exception"), "a stack trace:\n" + ran.err());
    }

    @Test
    void aFolderThatDoesNotExist() {
        assertFriendly(course("grade", dir.resolve("nowhere").toString(), "--out", dir.resolve("out").toString()),
                "course grade: there is no folder");
    }

    @Test
    void anEmptyFolder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertFriendly(course("grade", empty.toString(), "--out", dir.resolve("out").toString()), "no submissions in");
    }

    @Test
    void badOptions() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("class/ann"));
        String out = dir.resolve("out").toString();
        assertFriendly(course("grade", folder.getParent().toString(), "--out", out, "--shard", "3/2"), "K/N");
        assertFriendly(course("grade", folder.getParent().toString(), "--out", out, "--memory", "lots"), "--memory");
        assertFriendly(course("grade", folder.getParent().toString(), "--out", out, "--timeout", "soon"), "--timeout");
        assertFriendly(course("grade", folder.getParent().toString(), "--out", out, "--chapters", "8"), "\"08\"");
        assertFriendly(course("grade", folder.getParent().toString(), "--out", out, "--max-threads", "20"), "--max-threads");
    }

    @Test
    void mergingFoldersThatHoldNoGrades() throws Exception {
        Path notShard = Files.createDirectories(dir.resolve("not-a-shard"));
        assertFriendly(course("grade", "merge", notShard.toString(), "--out", dir.resolve("out").toString()),
                "holds no grades");
    }

    @Test
    void shardsMergeIntoTheWholeClassGradebook() throws Exception {
        Path folder = dir.resolve("class");
        for (int i = 0; i < 12; i++) {
            Path student = Files.createDirectories(folder.resolve("student-" + i));
            if (i % 3 == 0) {
                Files.writeString(student.resolve("00-the-basics.ipynb"), "{ broken");
            }
        }
        String chapters = "00,02";
        assertEquals(0, course("grade", folder.toString(), "--out", dir.resolve("whole").toString(),
                "--chapters", chapters).exit());
        assertEquals(0, course("grade", folder.toString(), "--out", dir.resolve("s1").toString(),
                "--chapters", chapters, "--shard", "1/2").exit());
        assertEquals(0, course("grade", folder.toString(), "--out", dir.resolve("s2").toString(),
                "--chapters", chapters, "--shard", "2/2").exit());
        String s1 = Files.readString(dir.resolve("s1/gradebook.csv"));
        String s2 = Files.readString(dir.resolve("s2/gradebook.csv"));
        assertTrue(s1.lines().count() > 1 && s2.lines().count() > 1, "both shards have students");
        assertEquals(0, course("grade", "merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(),
                "--out", dir.resolve("merged").toString()).exit());
        String whole = Files.readString(dir.resolve("whole/gradebook.csv"));
        assertEquals(whole, Files.readString(dir.resolve("merged/gradebook.csv")));
        // 12 students x (4 + 4 exercises), plus 4 invalid-notebook rows
        assertEquals(1 + 12 * 8 + 4, whole.lines().count(), whole);
        assertFriendly(course("grade", "merge", dir.resolve("s1").toString(), dir.resolve("whole").toString(),
                "--out", dir.resolve("twice").toString()), "graded in both");
    }
}
