package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.WordCounter;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Mutant: hands each count to the pool without waiting for it, so run returns before the last
 * counts are in (and, like its parent, never shuts the pool down).
 */
public class ReturnsBeforeCountsAreInPipeline extends NeverShutsCpuPoolPipeline {

    @Override
    protected void countWords(ExecutorService cpu, WordCounter counter, String answer, Map<String, Integer> totals) {
        cpu.submit(() -> counter.count(answer).forEach((word, n) -> totals.merge(word, n, Integer::sum)));
    }
}
