package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.WordCounter;
import ai.asyncjava.solutions.ch03.CountingQueuePipeline;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Mutant: each worker counts its answer's words itself, on its virtual thread. */
public class CountsOnWorkerThreadPipeline extends CountingQueuePipeline {

    @Override
    protected void countWords(ExecutorService cpu, WordCounter counter, String answer, Map<String, Integer> totals) {
        counter.count(answer).forEach((word, n) -> totals.merge(word, n, Integer::sum));
    }
}
