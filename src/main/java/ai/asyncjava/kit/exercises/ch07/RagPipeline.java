package ai.asyncjava.kit.exercises.ch07;

import java.io.IOException;

/**
 * Chapter 07: one retrieval-augmented answer, with its independent steps at the same time.
 *
 * <p>The contract of {@link #ask}:
 * <ol>
 *   <li>embed the question ({@code Gemini.EMBEDDING_MODEL}, {@link #DIMENSIONS} dimensions:
 *       {@code EmbedContentConfig.builder().outputDimensionality(768)});</li>
 *   <li>run the vector search (with that embedding) and the keyword search (with the question's
 *       text) <em>at the same time</em>, {@link #TOP_K} results each, each request with the search
 *       timeout; a search that fails or times out counts as no results;</li>
 *   <li>fuse the two rankings with reciprocal rank fusion: each document scores
 *       {@code 1 / (60 + rank)} for each list it is in (ranks from 1), best total first; keep the
 *       first {@link #CONTEXT_DOCUMENTS};</li>
 *   <li>ask the model ({@code Gemini.MODEL}) the question with those documents in the prompt, each
 *       named by its id in square brackets ({@code [W123] its text}), and return its answer and the
 *       ids.</li>
 * </ol>
 * When both searches fail it asks nothing and throws an {@link IOException}: an answer with no
 * documents is not a RAG answer. It leaves no thread of its own running.
 */
@FunctionalInterface
public interface RagPipeline {

    /** The embedding size the vector index was built with. */
    int DIMENSIONS = 768;
    /** How many results to ask each search for. */
    int TOP_K = 20;
    /** How many fused documents go into the prompt. */
    int CONTEXT_DOCUMENTS = 5;
    /** Reciprocal rank fusion's constant, as its authors chose it. */
    int RRF_K = 60;

    /** The answer to {@code question}, from the documents both searches found. */
    RagAnswer ask(String question) throws IOException, InterruptedException;
}
