package ai.asyncjava.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A compiler's message in a gradebook reason: one line, without the cell's source it quotes. */
class CompileMessageTest {

    @Test
    void javacsCannotFindSymbolBecomesOneLine() {
        String described = """
                Cell 8 does not compile:
                |   class SemaphoreFanOut implements BoundedFanOut {
                cannot find symbol
                  symbol:   class SemaphoreFanOut
                  location: class
                """;
        assertEquals("cannot find symbol: class SemaphoreFanOut", SubmissionGrader.messageOf(described));
    }

    @Test
    void otherMessagesKeepTheirWords() {
        assertEquals("';' expected", SubmissionGrader.messageOf("Cell 3 does not compile:\n|   int x = 1\n';' expected"));
    }
}
