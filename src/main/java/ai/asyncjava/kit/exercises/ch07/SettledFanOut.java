package ai.asyncjava.kit.exercises.ch07;

import java.util.List;

/**
 * Chapter 07: many prompts at once, where one failing call loses nothing but its own answer.
 *
 * <p>An implementation is made from a google-genai {@code Client} that the caller owns (and
 * closes), with the SDK's retries off in the checks.
 */
@FunctionalInterface
public interface SettledFanOut {

    /**
     * Sends every prompt to {@code Gemini.MODEL}, all calls in flight at the same time, waits until
     * every call has ended, and returns one {@link Outcome} per prompt in the order of
     * {@code prompts}: the answer's text, or the exception the call threw. It throws nothing for a
     * failed call; by the time it returns, no call of it is still in flight.
     *
     * @throws InterruptedException when the calling thread is interrupted while it waits; the calls
     *                              still in flight are then cancelled
     */
    List<Outcome<String>> askAll(List<String> prompts) throws InterruptedException;
}
