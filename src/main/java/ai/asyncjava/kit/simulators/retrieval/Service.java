package ai.asyncjava.kit.simulators.retrieval;

/** The two search services of the {@link RetrievalSimulator}, each on its own port. */
public enum Service {
    /** Vector search: {@code POST /search} with a query embedding, cosine similarity. */
    VECTOR("vector", "POST"),
    /** Keyword search: {@code GET /search?q=…}, BM25. */
    KEYWORD("keyword", "GET");

    private final String label;
    private final String httpMethod;

    Service(String label, String httpMethod) {
        this.label = label;
        this.httpMethod = httpMethod;
    }

    /** The name in the request log's {@code service} column: {@code vector} or {@code keyword}. */
    public String label() {
        return label;
    }

    /** The one HTTP method its {@code /search} answers. */
    public String httpMethod() {
        return httpMethod;
    }
}
