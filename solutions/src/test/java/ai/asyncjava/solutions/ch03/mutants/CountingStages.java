package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.kit.exercises.ch03.WordCounter;
import ai.asyncjava.solutions.ch03.CountingQueuePipeline;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** The counting pipeline's stages on executors a mutant chooses, for the mutants that get the threads wrong. */
abstract class CountingStages extends CountingQueuePipeline {

    /** Starts every stage on {@code stages}, counting on {@code cpu}, waits for them and returns the totals. */
    Map<String, Integer> runStages(ExecutorService stages, ExecutorService cpu, PromptSource source, Client client,
                                   AnswerSink sink, PipelineConfig config, WordCounter counter) throws Exception {
        Queues q = Queues.of(config);
        Map<String, Integer> totals = new ConcurrentHashMap<>();
        List<Future<Integer>> all = new ArrayList<>();
        all.add(stages.submit(() -> readPrompts(source, q.prompts(), config.workers())));
        for (int i = 0; i < config.workers(); i++) {
            all.add(stages.submit(() -> generateAndCount(client, q.prompts(), q.answers(), q.failedCalls(), cpu,
                    counter, totals)));
        }
        all.add(stages.submit(() -> writeAnswers(q.answers(), sink, config.workers())));
        for (Future<Integer> stage : all) {
            stage.get();
        }
        return new TreeMap<>(totals);
    }
}
