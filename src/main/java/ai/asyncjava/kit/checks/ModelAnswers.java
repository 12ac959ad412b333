package ai.asyncjava.kit.checks;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rule every fan-out of prompts to the Gemini simulator must keep: one answer per prompt,
 * each the simulator's own answer to it, in the order of the prompts whichever call finished
 * first. The simulator answers arithmetic correctly, so an answer that belongs to another
 * prompt is recognised and named.
 */
public final class ModelAnswers {

    private ModelAnswers() {}

    /** {@code count} arithmetic prompts whose answers the checks know: "What is two times 1?", ... */
    public static List<String> arithmeticPrompts(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "What is two times " + i + "?").toList();
    }

    /**
     * Fails unless {@code answers} holds the simulator's answer to each prompt, in prompt order;
     * the message says which answer is wrong and, when it answers another prompt, which one.
     */
    public static void requireInPromptOrder(List<String> prompts, List<String> answers) {
        if (answers == null) {
            fail("askAll returned null; return a list with the text of one answer per prompt.");
        }
        if (answers.size() != prompts.size()) {
            fail("askAll returned " + answers.size() + " answers for " + prompts.size() + " prompts.");
        }
        List<String> expected = prompts.stream().map(GeminiAnswers::answerTo).toList();
        for (int i = 0; i < prompts.size(); i++) {
            String answer = answers.get(i);
            if (answer == null) {
                fail("Answer " + (i + 1) + " (to \"" + prompts.get(i) + "\") is null; put each response's "
                        + "text() in the list.");
            }
            if (!answer.equals(expected.get(i))) {
                int answered = expected.indexOf(answer);
                fail(answered >= 0
                        ? "The answers are not in the order of the prompts: answer " + (i + 1) + " is the answer to "
                                + "prompt " + (answered + 1) + " (\"" + prompts.get(answered) + "\"), not to \""
                                + prompts.get(i) + "\". Answer number i must answer prompt number i, whichever "
                                + "call finishes first."
                        : "Answer " + (i + 1) + " is \"" + Wording.shortened(answer, 60) + "\"; the model's answer "
                                + "to \"" + prompts.get(i) + "\" is \"" + Wording.shortened(expected.get(i), 60)
                                + "\". Return each "
                                + "response's text() as it is.");
            }
        }
    }

}
