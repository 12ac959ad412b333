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
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** The counting pipeline's stages on executors a mutant chooses, for the mutants that get the threads wrong. */
abstract class CountingStages extends CountingQueuePipeline {

    /** Starts every stage on {@code stages}, counting on {@code cpu}, waits for them and returns the totals. */
    Map<String, Integer> runStages(ExecutorService stages, ExecutorService cpu, PromptSource source, Client client,
                                   AnswerSink sink, PipelineConfig config, WordCounter counter) throws Exception {
        return runStages(stages, cpu, source, client, sink, config, counter, new ConcurrentHashMap<>());
    }

    /** {@link #runStages}, adding the counts up in {@code totals}. */
    Map<String, Integer> runStages(ExecutorService stages, ExecutorService cpu, PromptSource source, Client client,
                                   AnswerSink sink, PipelineConfig config, WordCounter counter,
                                   Map<String, Integer> totals) throws Exception {
        Queues q = Queues.of(config);
        List<Future<Integer>> all = new ArrayList<>();
        CompletionService<Integer> finished = new ExecutorCompletionService<>(stages);
        all.add(finished.submit(() -> readPrompts(source, q.prompts(), config.workers())));
        for (int i = 0; i < config.workers(); i++) {
            all.add(finished.submit(() -> generateAndCount(client, q.prompts(), q.answers(), q.failedCalls(), cpu,
                    counter, totals)));
        }
        all.add(finished.submit(() -> writeAnswers(q.answers(), sink, config.workers())));
        // In the order they finish: the first failure stops the others, as in the reference.
        for (int done = 0; done < all.size(); done++) {
            try {
                finished.take().get();
            } catch (ExecutionException e) {
                stages.shutdownNow();
                throw e;
            }
        }
        return new TreeMap<>(totals);
    }
}
