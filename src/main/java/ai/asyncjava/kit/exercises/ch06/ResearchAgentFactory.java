package ai.asyncjava.kit.exercises.ch06;

import com.google.genai.Client;
import java.time.Duration;

/**
 * Makes a research agent: a class with a constructor {@code (Client, WorksSearch, int, Duration)}
 * is one, {@code StreamingResearchAgent::new}. The checks make a fresh agent for every question.
 */
@FunctionalInterface
public interface ResearchAgentFactory {

    /**
     * A new agent.
     *
     * @param client        the Gemini client to stream the model's replies with
     * @param search        the tool the model's {@code search_openalex} calls run
     * @param maxRounds     the most model replies one question may take, 1 or more
     * @param searchTimeout how long one search may take before it is cancelled and answered with an error
     */
    ResearchAgent create(Client client, WorksSearch search, int maxRounds, Duration searchTimeout);
}
