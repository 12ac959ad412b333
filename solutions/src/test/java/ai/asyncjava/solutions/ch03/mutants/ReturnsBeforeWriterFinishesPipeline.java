package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
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

/** Mutant: run waits for the reader and the workers, then returns while the writer is still writing. */
public class ReturnsBeforeWriterFinishesPipeline extends QueuePipeline {

    @Override
    public PipelineSummary run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config)
            throws Exception {
        Queues q = Queues.of(config);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Future<Integer> reader = executor.submit(() -> readPrompts(source, q.prompts(), config.workers()));
        List<Future<Integer>> workers = new ArrayList<>();
        for (int i = 0; i < config.workers(); i++) {
            workers.add(executor.submit(() -> generateAnswers(client, q.prompts(), q.answers(), q.failedCalls())));
        }
        executor.submit(() -> writeAnswers(q.answers(), sink, config.workers()));
        executor.shutdown(); // no new tasks; the writer goes on by itself
        int answered = 0;
        for (Future<Integer> worker : workers) {
            answered += worker.get(); // every answer is on the output queue: "done"
        }
        return new PipelineSummary(reader.get(), answered, q.failedCalls().get());
    }
}
