package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PipelineSummary;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.solutions.ch03.QueuePipeline;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mutant: asyncio's recipe ported word for word: once the reader is done and the input queue is
 * empty, the workers are cancelled (interrupted), losing the prompts they were still working on.
 */
public class InterruptsWorkersWhenQueueIsEmptyPipeline extends QueuePipeline {

    @Override
    public PipelineSummary run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config)
            throws Exception {
        Queues q = Queues.of(config);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> reader = executor.submit(() -> readPrompts(source, q.prompts(), 0));
            List<Future<Integer>> workers = new ArrayList<>();
            for (int i = 0; i < config.workers(); i++) {
                workers.add(executor.submit(
                        () -> generateAnswers(client, q.prompts(), q.answers(), q.failedCalls())));
            }
            Future<Integer> writer = executor.submit(() -> writeAnswers(q.answers(), sink, 1));
            int read = reader.get();
            while (!q.prompts().isEmpty()) {
                Thread.sleep(5);
            }
            workers.forEach(worker -> worker.cancel(true));
            q.answers().put(new Message.EndOfStream<>());
            return new PipelineSummary(read, writer.get(), q.failedCalls().get());
        }
    }
}
