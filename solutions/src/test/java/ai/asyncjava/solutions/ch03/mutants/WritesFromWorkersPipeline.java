package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PipelineSummary;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.solutions.ch03.QueuePipeline;
import com.google.genai.Client;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Mutant: no output queue and no writer; each worker writes its answers to the sink itself. */
public class WritesFromWorkersPipeline extends QueuePipeline {

    @Override
    public PipelineSummary run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config)
            throws Exception {
        Queues q = Queues.of(config);
        AtomicInteger written = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> reader = executor.submit(() -> readPrompts(source, q.prompts(), config.workers()));
            for (int i = 0; i < config.workers(); i++) {
                executor.submit(() -> {
                    while (q.prompts().take() instanceof Message.Item<String>(String prompt)) {
                        sink.write(new PromptAnswer(prompt, generate(client, prompt, q.failedCalls())));
                        written.incrementAndGet();
                    }
                    return null;
                });
            }
            return new PipelineSummary(reader.get(), awaitWorkers(executor, written), q.failedCalls().get());
        }
    }

    private static int awaitWorkers(ExecutorService executor, AtomicInteger written) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        return written.get();
    }
}
