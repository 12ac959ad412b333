package ai.asyncjava.kit.exercises.ch03;

/**
 * One prompt and the model's answer to it, kept together from the worker that got the answer
 * to the writer, so that an answer can never be written beside another prompt.
 *
 * @param prompt the prompt as the source gave it
 * @param answer the model's answer text
 */
public record PromptAnswer(String prompt, String answer) {
}
