package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PipelineSummary;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.solutions.ch03.QueuePipeline;
import com.google.genai.Client;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Mutant: the stages run on a fixed pool of platform threads that is never shut down. */
public class LeavesPoolRunningPipeline extends QueuePipeline {

    @Override
    public PipelineSummary run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config)
            throws Exception {
        Queues q = Queues.of(config);
        ExecutorService pool = Executors.newFixedThreadPool(config.workers() + 2);
        Future<Integer> reader = pool.submit(() -> readPrompts(source, q.prompts(), config.workers()));
        for (int i = 0; i < config.workers(); i++) {
            pool.submit(() -> generateAnswers(client, q.prompts(), q.answers(), q.failedCalls()));
        }
        Future<Integer> writer = pool.submit(() -> writeAnswers(q.answers(), sink, config.workers()));
        return new PipelineSummary(reader.get(), writer.get(), q.failedCalls().get());
    }
}
