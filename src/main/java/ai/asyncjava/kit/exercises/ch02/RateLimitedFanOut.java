package ai.asyncjava.kit.exercises.ch02;

import com.google.genai.Client;
import java.util.List;

/**
 * Chapter 02, step 3: ask the model many prompts at once, but keep under the API's quota by
 * passing every request through a {@link RateLimiter} first.
 */
public interface RateLimitedFanOut {

    /**
     * Sends one {@code generateContent} request per prompt to the model
     * {@code ai.asyncjava.kit.course.Gemini.MODEL}, the requests running concurrently, each
     * sent only after its own call of {@code limiter.acquire()} has returned, and returns the
     * answers' texts in the order of {@code prompts}.
     *
     * @throws Exception when any request fails; by then no request of this call is still running
     */
    List<String> askAll(Client client, RateLimiter limiter, List<String> prompts) throws Exception;
}
