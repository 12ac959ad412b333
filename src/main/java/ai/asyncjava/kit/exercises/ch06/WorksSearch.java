package ai.asyncjava.kit.exercises.ch06;

import java.io.IOException;
import java.util.Map;

/**
 * The agent's tool: one search of the works API. The result is what the model is sent back as the
 * function's response, so it is a JSON-like map: OpenAlex's answer, {@code {"meta": {...},
 * "results": [...]}}, with each work's {@code abstract_inverted_index} replaced by {@code abstract},
 * its text.
 */
@FunctionalInterface
public interface WorksSearch {

    /**
     * Searches the works for {@code query} (words, {@code AND}/{@code OR}/{@code NOT}, "quoted
     * phrases", as OpenAlex takes them).
     *
     * @throws IOException when the request fails or the API answers with an error status: the
     *                     message names the status
     * @throws InterruptedException when the calling thread is interrupted while it waits
     */
    Map<String, Object> search(String query) throws IOException, InterruptedException;
}
