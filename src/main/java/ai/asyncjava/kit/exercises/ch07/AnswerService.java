package ai.asyncjava.kit.exercises.ch07;

/**
 * Chapter 07, step 7: the model's answer served over HTTP as server-sent events, by a web server
 * that runs every request on a virtual thread of its own.
 *
 * <p>The contract:
 * <ul>
 *   <li>{@code GET /ask?q=QUESTION} answers {@code 200} with {@code Content-Type: text/event-stream}: one
 *       {@code token} event per chunk of text that {@code generateContentStream(Gemini.MODEL, QUESTION, null)}
 *       streams, its data the JSON {@code {"text": "..."}}, sent the moment the chunk is read; then one
 *       {@code done} event. A missing or blank {@code q} answers {@code 400}.</li>
 *   <li>Once the response is complete, the exchange goes to {@link ExchangeLog#record} in the
 *       background: the response never waits for it.</li>
 *   <li>A client that hangs up half-way stops the answer: the model's stream is closed, not read on.</li>
 *   <li>{@link #close()} stops taking requests, then waits until every exchange handed to the log has
 *       been recorded: none is lost at shutdown.</li>
 * </ul>
 */
public interface AnswerService extends AutoCloseable {

    /** The port of 127.0.0.1 it serves on. */
    int port();

    /** Stops taking requests, then drains the background work; returns when both are done. */
    @Override
    void close();
}
