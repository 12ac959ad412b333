package ai.asyncjava.kit.simulators.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deterministic model, without a server. */
class GeminiAnswersTest {

    @Test
    void findsSumsWrittenInManyWays() {
        assertEquals(Optional.of(new BigDecimal("24")), GeminiAnswers.arithmeticResult("What is two times 12?"));
        assertEquals(Optional.of(new BigDecimal("2.5")), GeminiAnswers.arithmeticResult("What is ten divided by 4?"));
        assertEquals(Optional.of(new BigDecimal("-3")), GeminiAnswers.arithmeticResult("What is 4 minus seven?"));
        assertEquals(Optional.of(new BigDecimal("6")), GeminiAnswers.arithmeticResult("the difference between 10 and 4"));
        assertEquals(Optional.of(new BigDecimal("21021")),
                GeminiAnswers.arithmeticResult("What is twenty-one thousand and twenty plus one?"));
        assertEquals(Optional.empty(), GeminiAnswers.arithmeticResult("What is one good reason to batch?"));
        assertEquals(Optional.empty(), GeminiAnswers.arithmeticResult("What is 5 divided by zero?"));
    }

    @Test
    void spellsResultsInWords() {
        assertEquals("2 times 12 is 24 (twenty-four). I worked it out step by step and checked the result.",
                GeminiAnswers.answerTo("What is two times 12?"));
        assertTrue(GeminiAnswers.answerTo("What is 1000 times 1000?").contains("(one million)"));
        assertTrue(GeminiAnswers.answerTo("What is 100 plus 5?").contains("(one hundred and five)"));
        assertTrue(GeminiAnswers.answerTo("What is 3 minus 10?").contains("-7 (minus seven)"));
        assertTrue(GeminiAnswers.answerTo("What is 10 divided by 4?").contains(" is 2.5."));
    }

    @Test
    void otherPromptsGetStableDistinctAnswers() {
        String a = GeminiAnswers.answerTo("Summarise chapter 3");
        assertEquals(a, GeminiAnswers.answerTo("Summarise chapter 3"));
        assertNotEquals(a, GeminiAnswers.answerTo("Summarise chapter 4"));
        assertTrue(a.contains("\"Summarise chapter 3\""), a);
    }

    @Test
    void embeddingsAreStableUnitVectorsWhosePrefixesAgree() {
        List<Float> full = GeminiAnswers.embedding("hello world", 64);
        assertEquals(full, GeminiAnswers.embedding("hello world", 64));
        double norm = Math.sqrt(full.stream().mapToDouble(v -> v * v).sum());
        assertEquals(1.0, norm, 1e-6);
        // A shorter vector points the same way as the longer one's first components.
        List<Float> short8 = GeminiAnswers.embedding("hello world", 8);
        assertEquals(1.0, GeminiAnswers.cosine(short8, full.subList(0, 8)), 1e-6);
        assertNotEquals(full, GeminiAnswers.embedding("hello there", 64));
    }
}
