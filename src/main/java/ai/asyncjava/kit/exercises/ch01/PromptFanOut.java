package ai.asyncjava.kit.exercises.ch01;

import java.util.List;

/**
 * Chapter 01: ask a model many prompts at the same time instead of one after another, the Java
 * counterpart of {@code asyncio.gather} over {@code client.aio.models.generate_content}.
 *
 * <p>An implementation is made from a google-genai {@code Client.Builder} (its constructor takes
 * one) and builds its client from it: the builder is already pointed at the API, or at a
 * simulator in the checks, with the SDK's retries off there and the SDK's <em>default</em> client
 * options. Add client options of your own if you need them; keep the builder's HTTP options,
 * which say where the API is. The checks close the clients built from their builders.
 */
public interface PromptFanOut {

    /**
     * Sends every prompt to {@code Gemini.MODEL}, with all calls in flight at the same time, and
     * returns the text of each answer in the order of {@code prompts} (an empty list for none).
     *
     * @throws Exception when any call fails, carrying the SDK's {@code ApiException} (itself or as
     *                   a cause) so the caller can read its HTTP code; by then no call of this
     *                   method is still in flight
     */
    List<String> askAll(List<String> prompts) throws Exception;
}
