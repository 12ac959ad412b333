package ai.asyncjava.kit.exercises.ch06;

import java.net.URI;
import java.net.http.HttpClient;

/**
 * Makes the search tool for an API: a class with a constructor {@code (HttpClient, URI)} is one,
 * {@code OpenAlexSearch::new}.
 */
@FunctionalInterface
public interface WorksSearchFactory {

    /**
     * A search tool that sends its requests through {@code client} to {@code apiRoot}
     * ({@code https://api.openalex.org}, or the simulator's base URL): the works are at
     * {@code apiRoot + "/works"}.
     */
    WorksSearch create(HttpClient client, URI apiRoot);
}
