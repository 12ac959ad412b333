package ai.asyncjava.kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CourseCliTest {

    @Test
    void helpListsEveryCommandOnOneLine() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CourseCli());
        int exit = cli.setOut(new PrintWriter(out)).execute("--help");

        assertEquals(0, exit);
        assertTrue(cli.getSubcommands().keySet().containsAll(List.of("setup", "start", "test", "classpath")));
        List<String> lines = out.toString().lines().toList();
        for (String command : cli.getSubcommands().keySet()) {
            List<String> mentions = lines.stream().filter(l -> l.startsWith("  " + command + " ")).toList();
            assertEquals(1, mentions.size(), command + " has one line in:\n" + out);
            int index = lines.indexOf(mentions.get(0));
            boolean continued = index + 1 < lines.size() && lines.get(index + 1).startsWith("     ");
            assertTrue(!continued, command + "'s description fits on its line:\n" + out);
        }
    }
}
