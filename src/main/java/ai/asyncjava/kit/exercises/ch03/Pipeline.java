package ai.asyncjava.kit.exercises.ch03;

import com.google.genai.Client;

/**
 * Chapter 03's pipeline: a reader, a bounded input queue, {@code workers} generator workers, a
 * bounded output queue and a writer, all running at the same time, so reading, calling the model
 * and writing overlap. The Java counterpart of the asyncio pipeline of producers, consumers and
 * {@code asyncio.Queue(maxsize=...)}.
 *
 * <p>What {@link #run} must do:
 * <ul>
 *   <li><b>Every prompt, once, with its own answer.</b> Each prompt the source gives is sent to the
 *       model ({@code client.models.generateContent(Gemini.MODEL, prompt, null)}) and written to the
 *       sink exactly once, as a {@link PromptAnswer} of that prompt and that call's answer text.
 *       Order does not matter.</li>
 *   <li><b>Retries.</b> Calls fail now and then (HTTP 5xx or 429, thrown by the SDK as an
 *       {@code ApiException} whose {@code code()} says which). A failed call is made again, after
 *       a short pause (longer after each failure, but no more than about half a second), until it
 *       succeeds: try a prompt at least 8 times before giving up on it. A prompt that fails on
 *       every try is a failure for good: give up on it and let {@code run} throw, never drop it
 *       silently. Any other {@code ApiException} (400 INVALID_ARGUMENT: the request itself is
 *       wrong) would fail again: do not retry it, it fails the prompt for good at once.</li>
 *   <li><b>Workers.</b> Exactly {@code config.workers()} calls are in flight at the busiest moment:
 *       each worker makes one call at a time.</li>
 *   <li><b>Backpressure.</b> The input and output queues each hold at most {@code config.queueSize()}
 *       items, and each stage holds one item at a time, so at most {@code 2 × queueSize + workers + 2}
 *       prompts are ever between the source and the sink.</li>
 *   <li><b>One writer.</b> The sink is called by one thread at a time.</li>
 *   <li><b>Clean shutdown.</b> The end of the prompts travels through the queues as a marker
 *       (one per worker); a worker stops at its marker, never because a queue is momentarily
 *       empty. {@code run} returns once every answer is written and every thread it started has
 *       ended. It neither closes the source nor the sink.</li>
 *   <li><b>Cancellation.</b> Interrupting the thread that called {@code run} cancels it: every
 *       stage stops at once, even a worker in the middle of a model call (the SDK throws a
 *       {@code GenAiIOException} there, not an {@code ApiException}), no thread is left behind,
 *       and {@code run} throws. So retry on {@code ApiException}, never on {@code Exception}.</li>
 *   <li><b>Waiting.</b> A stage with nothing to do blocks ({@code take}, {@code put}) and uses no
 *       processor time; it never polls a queue in a loop.</li>
 * </ul>
 */
public interface Pipeline {

    /**
     * Runs the whole pipeline over {@code source} and returns what it did.
     *
     * @throws Exception when a stage fails for good (the source cannot be read, a prompt fails on
     *                   every attempt, a call fails with 400), or when {@code run} is cancelled
     *                   (interrupted); by then the other stages have been stopped
     */
    PipelineSummary run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config)
            throws Exception;
}
