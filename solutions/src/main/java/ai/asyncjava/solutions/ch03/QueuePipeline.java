package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch03.Pipeline;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PipelineSummary;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * reader → input queue → workers → output queue → writer. Every stage is a plain blocking loop on a
 * virtual thread of its own; the bounded queues between them let the stages overlap, and make a
 * fast stage wait for a slow one.
 */
public class QueuePipeline implements Pipeline {

    /** Tries per prompt before the pipeline gives up on it (and fails). */
    static final int MAX_ATTEMPTS = 8;

    @Override
    public PipelineSummary run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config)
            throws Exception {
        // Bounded queues are the backpressure: put() waits while a queue is full.
        BlockingQueue<Message<String>> prompts = new LinkedBlockingQueue<>(config.queueSize());
        BlockingQueue<Message<PromptAnswer>> answers = new LinkedBlockingQueue<>(config.queueSize());
        AtomicInteger failedCalls = new AtomicInteger(); // shared by all workers, so atomic

        // Closing the executor waits for every stage: nothing outlives run().
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<Integer> stages = new ExecutorCompletionService<>(executor);
            Future<Integer> reader = stages.submit(() -> readPrompts(source, prompts, config.workers()));
            for (int i = 0; i < config.workers(); i++) {
                stages.submit(() -> generateAnswers(client, prompts, answers, failedCalls));
            }
            Future<Integer> writer = stages.submit(() -> writeAnswers(answers, sink, config.workers()));
            awaitAll(stages, config.workers() + 2, executor);
            return new PipelineSummary(reader.resultNow(), writer.resultNow(), failedCalls.get());
        }
    }

    /** Stage 1: every prompt onto the input queue, then one end-of-stream marker per worker. */
    protected int readPrompts(PromptSource source, BlockingQueue<Message<String>> prompts, int workers)
            throws IOException, InterruptedException {
        int read = 0;
        for (Optional<String> prompt = source.next(); prompt.isPresent(); prompt = source.next()) {
            prompts.put(new Message.Item<>(prompt.get())); // waits while the queue is full
            read++;
        }
        // Each worker stops at the first marker it takes, so every worker needs one of its own.
        for (int i = 0; i < workers; i++) {
            prompts.put(new Message.EndOfStream<>());
        }
        return read;
    }

    /** Stage 2, one per worker: prompt in, answer out, until this worker's marker comes. */
    protected int generateAnswers(Client client, BlockingQueue<Message<String>> prompts,
                                  BlockingQueue<Message<PromptAnswer>> answers, AtomicInteger failedCalls)
            throws InterruptedException {
        int answered = 0;
        while (true) {
            switch (prompts.take()) {
                case Message.Item<String>(String prompt) -> {
                    // The prompt travels on with its own answer, so the writer cannot pair them wrongly.
                    answers.put(new Message.Item<>(new PromptAnswer(prompt, generate(client, prompt, failedCalls))));
                    answered++;
                }
                case Message.EndOfStream<String> end -> {
                    answers.put(new Message.EndOfStream<>()); // tells the writer this worker is done
                    return answered;
                }
            }
        }
    }

    /**
     * One model call, made again after a growing pause while it fails with 429 or 5xx. Any other
     * failure (a 400: the request itself is wrong) would only fail again, so it is thrown at once,
     * as is the last failure once the prompt has had its tries. An interrupt (the SDK's
     * GenAiIOException, or sleep's InterruptedException) is no ApiException: it ends the worker.
     */
    protected String generate(Client client, String prompt, AtomicInteger failedCalls) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.models.generateContent(Gemini.MODEL, prompt, null).text();
            } catch (ApiException e) {
                failedCalls.incrementAndGet();
                boolean worthAnotherTry = e.code() == 429 || e.code() >= 500;
                if (!worthAnotherTry || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(backoffMillis(attempt));
            }
        }
    }

    /** Stage 3: the only thread that touches the sink; it stops once every worker has said it is done. */
    protected int writeAnswers(BlockingQueue<Message<PromptAnswer>> answers, AnswerSink sink, int workers)
            throws IOException, InterruptedException {
        int written = 0;
        int workersDone = 0;
        while (workersDone < workers) {
            switch (answers.take()) {
                case Message.Item<PromptAnswer>(PromptAnswer answer) -> {
                    sink.write(answer);
                    written++;
                }
                case Message.EndOfStream<PromptAnswer> end -> workersDone++;
            }
        }
        return written;
    }

    /**
     * 50 ms, 100 ms, 200 ms, ... up to half a second, each somewhere between half and all of it
     * (jitter): 8 tries take at most about 2 s, so a prompt that always fails is soon given up.
     */
    static long backoffMillis(int attempt) {
        long ceiling = Math.min(500, 50L << (attempt - 1));
        return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    /**
     * Waits for every stage, in the order they finish. The first stage to fail stops the others
     * (shutdownNow interrupts them: Java's {@code task.cancel()}) and its failure is thrown; an
     * interrupt of the waiting thread cancels the stages the same way.
     */
    static void awaitAll(CompletionService<?> stages, int count, ExecutorService executor) throws Exception {
        try {
            for (int i = 0; i < count; i++) {
                stages.take().get();
            }
        } catch (ExecutionException e) {
            executor.shutdownNow();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            executor.shutdownNow();
            throw e;
        }
    }
}
