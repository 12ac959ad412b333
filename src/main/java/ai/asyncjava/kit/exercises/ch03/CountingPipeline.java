package ai.asyncjava.kit.exercises.ch03;

import com.google.genai.Client;
import java.util.Map;

/**
 * Going further in chapter 03: the {@link Pipeline} with a CPU-bound stage. Besides writing
 * every answer as {@link Pipeline#run} does, it counts the words of every answer with
 * {@code counter} and returns the totals over all answers.
 *
 * <p>The counting runs on a pool of at most {@code config.cpuThreads()} <em>platform</em> threads,
 * never on a virtual thread, while reading, calling the model and writing stay on virtual
 * threads; the Java counterpart of {@code loop.run_in_executor(executor, count)}. Every count is
 * in the totals by the time {@code run} returns, and the pool has been shut down.
 */
public interface CountingPipeline {

    /**
     * Runs the pipeline over {@code source}, writes every answer to {@code sink}, and returns how
     * often each word occurs across all answers.
     */
    Map<String, Integer> run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config,
                             WordCounter counter) throws Exception;
}
