package ai.asyncjava.kit.exercises.ch07;

import java.util.function.Predicate;

/**
 * Chapter 07: a model's answer passed on piece by piece as it streams in, so a user sees the first
 * words in the time to the first token, not the time to the last. Made from a google-genai
 * {@code Client} that the caller owns ({@code StreamingRelay::new}).
 *
 * <p>The contract of {@link #relay}: stream the answer to the prompt from {@code Gemini.MODEL}
 * ({@code generateContentStream}); give each chunk's text to {@code sink} the moment it is read;
 * when {@code sink} returns {@code false} (the user has enough, or has gone), stop at once: give it
 * nothing more and close the stream, so its connection closes; return the text given to
 * {@code sink}.
 */
@FunctionalInterface
public interface TokenRelay {

    /** The text passed on, in order, until the answer ended or {@code sink} said stop. */
    String relay(String prompt, Predicate<String> sink) throws Exception;
}
