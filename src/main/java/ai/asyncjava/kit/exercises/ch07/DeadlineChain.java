package ai.asyncjava.kit.exercises.ch07;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Chapter 07: one request, several model calls one after another, one time budget for them all.
 * Made from a google-genai {@code Client} that the caller owns ({@code BudgetedChain::new}), with the
 * SDK's own retries off.
 *
 * <p>The contract of {@link #run}:
 * <ul>
 *   <li>it asks {@code Gemini.MODEL} each prompt in turn and returns the last answer's text;</li>
 *   <li>each call may take only what is left of the budget when it starts, not a budget of its own;</li>
 *   <li>when the budget runs out during a call, that call is <em>stopped</em>, its connection closed
 *       (the server sees the client go), and {@link TimeoutException} is thrown at once; no later
 *       prompt is sent.</li>
 * </ul>
 */
@FunctionalInterface
public interface DeadlineChain {

    /** The answer to the last of {@code prompts}, all asked within {@code budget}. */
    String run(List<String> prompts, Duration budget) throws TimeoutException, InterruptedException;
}
