package ai.asyncjava.kit.exercises.ch07;

import com.google.genai.Client;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Makes a RAG pipeline: a class with a constructor {@code (Client, HttpClient, SearchServices,
 * Duration)} is one ({@code ParallelRag::new}). The caller owns both clients.
 */
@FunctionalInterface
public interface RagPipelineFactory {

    /**
     * @param gemini        the model's client (embedding and answer)
     * @param http          the client for the two searches
     * @param searches      where the searches are
     * @param searchTimeout how long one search may take before it counts as no results
     */
    RagPipeline create(Client gemini, HttpClient http, SearchServices searches, Duration searchTimeout);
}
