package ai.asyncjava.kit.exercises.ch07;

import com.google.genai.Client;

/**
 * Starts an {@link AnswerService}: a static method {@code start(Client, ExchangeLog)} is one
 * ({@code SseAnswerService::start}). The caller owns the client and closes the service.
 */
@FunctionalInterface
public interface AnswerServiceFactory {

    /**
     * @param gemini the model's client
     * @param log    where each answered exchange goes, in the background
     */
    AnswerService start(Client gemini, ExchangeLog log) throws Exception;
}
