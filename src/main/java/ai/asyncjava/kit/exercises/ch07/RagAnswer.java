package ai.asyncjava.kit.exercises.ch07;

import java.util.List;

/**
 * What a RAG request gives back: the model's answer, and the ids of the documents it was given,
 * in the fused order.
 *
 * @param answer  the model's answer, its text as it came
 * @param sources the documents' ids ({@code W…}), best first
 */
public record RagAnswer(String answer, List<String> sources) {

    public RagAnswer {
        sources = sources == null ? null : List.copyOf(sources);
    }
}
