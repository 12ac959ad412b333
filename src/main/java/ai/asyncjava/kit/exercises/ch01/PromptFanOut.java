package ai.asyncjava.kit.exercises.ch01;

import java.util.List;

/**
 * Chapter 01: ask a model many prompts at the same time instead of one after another, the Java
 * counterpart of {@code asyncio.gather} over {@code client.aio.models.generate_content}.
 *
 * <p>An implementation is made from a google-genai {@code Client.Builder} (its constructor takes
 * one) and builds <em>one</em> client from it, which every call of {@link #askAll} uses: a client
 * holds a pool of open connections and, for {@code client.async}, the HTTP client's dispatcher
 * threads, so a client per call would open new connections each time and leave threads behind.
 * The builder is already pointed at the API, or at a simulator in the checks, with the SDK's
 * retries off there and the SDK's <em>default</em> client options. Add client options of your own
 * if you need them; keep the builder's HTTP options, which say where the API is.
 *
 * <p>A fan-out owns the client it built, so {@link #close()} closes it; use one in
 * try-with-resources. The checks close every fan-out they make, and one check tries the client
 * after {@code close()}: a closed client sends nothing.
 */
public interface PromptFanOut extends AutoCloseable {

    /**
     * Sends every prompt to {@code Gemini.MODEL}, with all calls in flight at the same time, and
     * returns the text of each answer in the order of {@code prompts} (an empty list for none).
     *
     * @throws Exception when any call fails, carrying the SDK's {@code ApiException} (itself or as
     *                   a cause) so the caller can read its HTTP code; by then no call of this
     *                   method is still in flight
     */
    List<String> askAll(List<String> prompts) throws Exception;

    /**
     * Closes the client this fan-out built ({@code client.close()}): its pooled connections and
     * the HTTP threads its async calls ran on. The fan-out is not used afterwards.
     */
    @Override
    void close();
}
