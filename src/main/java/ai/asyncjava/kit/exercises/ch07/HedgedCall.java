package ai.asyncjava.kit.exercises.ch07;

/**
 * Chapter 07: a hedged model call. Made from a google-genai {@code Client} that the caller owns
 * and the hedging delay, say the 95th percentile of the call's latency ({@code HedgingCall::new}).
 *
 * <p>The contract of {@link #ask}: send the prompt to {@code Gemini.MODEL}; if no answer has come
 * within the hedging delay, send a second copy; return the first answer that comes; then stop the
 * other call, so its connection is closed (the server sees the client go) before {@code ask}
 * returns. A call answered within the delay is sent once. No thread of it outlives the call.
 */
@FunctionalInterface
public interface HedgedCall {

    /** The model's answer to {@code prompt}, from whichever copy answered first. */
    String ask(String prompt) throws Exception;
}
