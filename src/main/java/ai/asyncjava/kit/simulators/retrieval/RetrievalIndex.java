package ai.asyncjava.kit.simulators.retrieval;

import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import ai.asyncjava.kit.simulators.works.Corpus;
import ai.asyncjava.kit.simulators.works.SearchResult;
import ai.asyncjava.kit.simulators.works.Work;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The truth behind both search services: the documents, their vectors, and the two searches
 * computed exactly as the services answer them, so checks can compare what a learner's code
 * retrieved with what there was to retrieve. Immutable, and the same for the same
 * {@code (seed, works, dimensions)}.
 * <ul>
 *   <li>Vector search: each document's vector is what the Gemini simulator returns when asked to
 *   embed the document's {@link Document#text() text} at this index's dimensionality
 *   ({@link GeminiAnswers#embedding(String, int)}); a query is ranked against them by cosine
 *   similarity. Values are taken as 32-bit floats, as embeddings are sent.</li>
 *   <li>Keyword search: BM25 over title and abstract, the works simulator's own scoring
 *   ({@link Corpus#search}), matching any of the query's words (as a search engine's plain match
 *   query does), not all of them as OpenAlex's {@code search} does.</li>
 * </ul>
 * Both rank equal scores by id, so every ranking is fully determined.
 */
public final class RetrievalIndex {

    /** The most results one search may ask for. */
    public static final int MAX_TOP_K = 100;
    /** How many results a search gets when it does not say. */
    public static final int DEFAULT_TOP_K = 10;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static final Map<String, RetrievalIndex> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RetrievalIndex> eldest) {
                    return size() > 4;
                }
            });

    private final Corpus corpus;
    private final int dimensions;
    private final List<Document> documents;
    private final Map<String, Integer> positionById = new HashMap<>();
    private final float[][] vectors;
    private final double[] norms;

    private RetrievalIndex(Corpus corpus, int dimensions) {
        this.corpus = corpus;
        this.dimensions = dimensions;
        List<Document> docs = new ArrayList<>();
        for (Work work : corpus.works()) {
            positionById.put(work.shortId(), docs.size());
            docs.add(new Document(work.shortId(), work.title(), Document.textOf(work.title(), work.abstractText())));
        }
        this.documents = List.copyOf(docs);
        // Embedding 3,000 texts takes a few hundred ms on one core; both cores halve it.
        this.vectors = IntStream.range(0, documents.size()).parallel()
                .mapToObj(i -> toFloats(GeminiAnswers.embedding(documents.get(i).text(), dimensions)))
                .toArray(float[][]::new);
        this.norms = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            double sum = 0;
            for (float v : vectors[i]) {
                sum += (double) v * v;
            }
            norms[i] = Math.sqrt(sum);
        }
    }

    /**
     * The index of the works corpus of {@code seed} and {@code works} at {@code dimensions}; built
     * once and shared (it is immutable).
     */
    public static RetrievalIndex build(long seed, int works, int dimensions) {
        if (dimensions < 1 || dimensions > RetrievalConfig.MAX_DIMENSIONS) {
            throw new IllegalArgumentException("vectors have 1 to " + RetrievalConfig.MAX_DIMENSIONS
                    + " dimensions, not " + dimensions);
        }
        return CACHE.computeIfAbsent(seed + "/" + works + "/" + dimensions,
                key -> new RetrievalIndex(Corpus.generate(seed, works), dimensions));
    }

    /** The index a simulator with this configuration serves. */
    public static RetrievalIndex of(RetrievalConfig config) {
        return build(config.seed(), config.works(), config.dimensions());
    }

    /** Every document, in a fixed order (the corpus's). */
    public List<Document> documents() {
        return documents;
    }

    /** The document with this id ({@code W…}). */
    public Optional<Document> byId(String id) {
        Integer position = id == null ? null : positionById.get(id.strip().toUpperCase(Locale.ROOT));
        return position == null ? Optional.empty() : Optional.of(documents.get(position));
    }

    /** The length of every vector in the index, and of every query embedding it accepts. */
    public int dimensions() {
        return dimensions;
    }

    /** The works corpus the documents come from. */
    public Corpus corpus() {
        return corpus;
    }

    /**
     * What the Gemini simulator returns for {@code text} at this index's dimensionality: the
     * embedding of a query, as a learner's call to the SDK gets it.
     */
    public List<Float> embeddingOf(String text) {
        return GeminiAnswers.embedding(text, dimensions);
    }

    /**
     * The {@code k} documents most similar to {@code embedding} by cosine similarity, most similar
     * first: exactly what the vector service answers.
     *
     * @throws RetrievalError (400) for an embedding of the wrong length, with a missing value or
     *                        all zeros, or a {@code k} outside 1 to {@value #MAX_TOP_K}
     */
    public List<Hit> vectorTop(List<? extends Number> embedding, int k) {
        if (embedding == null) {
            throw RetrievalError.invalid("embedding", "embedding is missing: send the query's embedding, "
                    + dimensions + " numbers");
        }
        float[] query = new float[embedding.size()];
        for (int i = 0; i < query.length; i++) {
            Number value = embedding.get(i);
            if (value == null) {
                throw RetrievalError.invalid("embedding", "embedding[" + i + "] is null, not a number");
            }
            query[i] = value.floatValue();
        }
        return vectorTop(query, k);
    }

    /** {@link #vectorTop(List, int)} for a vector as an array. */
    public List<Hit> vectorTop(float[] embedding, int k) {
        checkTopK(k);
        checkEmbedding(embedding);
        double queryNorm = 0;
        for (float v : embedding) {
            queryNorm += (double) v * v;
        }
        queryNorm = Math.sqrt(queryNorm);
        double[] scores = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            float[] vector = vectors[i];
            double dot = 0;
            for (int j = 0; j < dimensions; j++) {
                dot += (double) embedding[j] * vector[j];
            }
            scores[i] = dot / (queryNorm * norms[i]);
        }
        return IntStream.range(0, vectors.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> documents.get(i).id()))
                .limit(k)
                .map(i -> new Hit(documents.get(i).id(), scores[i], documents.get(i).text()))
                .toList();
    }

    /**
     * The {@code k} documents with the highest BM25 scores for any of the words of {@code q},
     * best first: exactly what the keyword service answers. A query whose words are all stop words
     * ("the", "of", ...) or that has no word at all finds nothing.
     *
     * @throws RetrievalError (400) for a missing or blank {@code q}, or a {@code k} outside 1 to {@value #MAX_TOP_K}
     */
    public List<Hit> keywordTop(String q, int k) {
        if (q == null || q.isBlank()) {
            throw RetrievalError.invalid("q", "q is " + (q == null ? "missing" : "empty")
                    + ": say what to search for, e.g. /search?q=gut%20microbiome&top_k=20");
        }
        checkTopK(k);
        Set<String> words = words(q);
        if (words.isEmpty()) {
            return List.of();
        }
        // Lower-case words joined by OR: the works search's syntax for "any of these", so its BM25
        // scores each word a document has. Only letters and digits are left, so no word is an operator.
        SearchResult result = corpus.search(String.join(" OR ", words), k, 1, null);
        return result.hits().stream().map(h -> {
            Document document = documents.get(positionById.get(h.work().shortId()));
            return new Hit(document.id(), h.relevanceScore(), document.text());
        }).toList();
    }

    /**
     * Checks a number of results asked for.
     *
     * @throws RetrievalError (400) naming {@code top_k} when it is outside 1 to {@value #MAX_TOP_K}
     */
    public static void checkTopK(int k) {
        if (k < 1 || k > MAX_TOP_K) {
            throw RetrievalError.invalid("top_k", "top_k must be between 1 and " + MAX_TOP_K + ", not " + k);
        }
    }

    private void checkEmbedding(float[] embedding) {
        if (embedding.length != dimensions) {
            throw RetrievalError.invalid("embedding", "embedding has " + embedding.length + " values, but this index"
                    + " holds " + dimensions + "-dimensional vectors: ask the embedding model for exactly " + dimensions
                    + " (outputDimensionality " + dimensions + ")");
        }
        boolean allZero = true;
        for (int i = 0; i < embedding.length; i++) {
            if (!Float.isFinite(embedding[i])) {
                throw RetrievalError.invalid("embedding", "embedding[" + i + "] is " + embedding[i] + ", not a finite number");
            }
            allZero &= embedding[i] == 0;
        }
        if (allZero) {
            throw RetrievalError.invalid("embedding", "embedding is all zeros: it points nowhere, so nothing is similar to it");
        }
    }

    // The words of a query as the embedder splits them: letters and digits, lower-cased, each once.
    private static Set<String> words(String q) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(q.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static float[] toFloats(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    @Override
    public String toString() {
        return documents.size() + " documents (corpus seed " + corpus.seed() + "), " + dimensions + "-dimensional vectors";
    }
}
