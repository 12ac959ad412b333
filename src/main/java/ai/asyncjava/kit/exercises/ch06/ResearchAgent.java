package ai.asyncjava.kit.exercises.ch06;

/**
 * A research agent: it answers a question by letting the model search the works, round after
 * round, and returns the model's final answer.
 *
 * <p>The contract of one {@code answer}:
 * <ul>
 *   <li>each round streams the model's reply ({@code generateContentStream}) and starts each search
 *       the moment its function call appears in the stream, on a thread of its own, so the round's
 *       searches run at the same time, and while the rest of the reply still streams in;</li>
 *   <li>when the stream ends and the round has calls, it sends back the model's parts exactly as
 *       received (a part may carry a {@code thoughtSignature} that must come back unchanged), then
 *       one function response per call, each with the call's {@code id} and name;</li>
 *   <li>a search that fails, or takes longer than the search timeout (it is then cancelled), is
 *       answered with {@code {"error": "..."}}, not a crash;</li>
 *   <li>a round without calls is the final answer: its text is returned;</li>
 *   <li>after {@code maxRounds} replies without a final answer it stops and throws an
 *       {@link IllegalStateException} that says so;</li>
 *   <li>it leaves no thread of its own running.</li>
 * </ul>
 */
@FunctionalInterface
public interface ResearchAgent {

    /**
     * The model's final answer to {@code question}.
     *
     * @throws IllegalStateException when the model has not answered after {@code maxRounds} replies
     * @throws InterruptedException when the calling thread is interrupted
     */
    String answer(String question) throws InterruptedException;
}
