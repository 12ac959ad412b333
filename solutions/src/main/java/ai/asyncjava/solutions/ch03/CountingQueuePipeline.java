package ai.asyncjava.solutions.ch03;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.CountingPipeline;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.kit.exercises.ch03.WordCounter;
import com.google.genai.Client;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipeline of {@link QueuePipeline} with a CPU-bound step: each worker hands its answer's word
 * count to a small pool of platform threads and waits for it, the way asyncio code awaits
 * {@code loop.run_in_executor(pool, count)}. Reading, calling the model and writing stay on
 * virtual threads.
 */
public class CountingQueuePipeline extends QueuePipeline implements CountingPipeline {

    @Override
    public Map<String, Integer> run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config,
                                    WordCounter counter) throws Exception {
        BlockingQueue<Message<String>> prompts = new LinkedBlockingQueue<>(config.queueSize());
        BlockingQueue<Message<PromptAnswer>> answers = new LinkedBlockingQueue<>(config.queueSize());
        AtomicInteger failedCalls = new AtomicInteger();
        Map<String, Integer> totals = new ConcurrentHashMap<>(); // merge() is atomic per word

        // Counting computes without waiting, so it gets platform threads, one per core it may use.
        // The resources close in reverse order: the stages end first, then the CPU pool.
        try (ExecutorService cpu = Executors.newFixedThreadPool(config.cpuThreads());
             ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<Integer> stages = new ExecutorCompletionService<>(executor);
            stages.submit(() -> readPrompts(source, prompts, config.workers()));
            for (int i = 0; i < config.workers(); i++) {
                stages.submit(() -> generateAndCount(client, prompts, answers, failedCalls, cpu, counter, totals));
            }
            stages.submit(() -> writeAnswers(answers, sink, config.workers()));
            awaitAll(stages, config.workers() + 2, executor);
        }
        return new TreeMap<>(totals); // sorted by word, for reading
    }

    /** A worker: prompt in, answer out, with the answer's words counted on the CPU pool on the way. */
    protected int generateAndCount(Client client, BlockingQueue<Message<String>> prompts,
                                   BlockingQueue<Message<PromptAnswer>> answers, AtomicInteger failedCalls,
                                   ExecutorService cpu, WordCounter counter, Map<String, Integer> totals)
            throws Exception {
        int answered = 0;
        while (true) {
            switch (prompts.take()) {
                case Message.Item<String>(String prompt) -> {
                    String answer = generate(client, prompt, failedCalls);
                    countWords(cpu, counter, answer, totals);
                    answers.put(new Message.Item<>(new PromptAnswer(prompt, answer)));
                    answered++;
                }
                case Message.EndOfStream<String> end -> {
                    answers.put(new Message.EndOfStream<>());
                    return answered;
                }
            }
        }
    }

    /** Counts on the CPU pool and waits, then adds the counts to the totals. */
    protected void countWords(ExecutorService cpu, WordCounter counter, String answer, Map<String, Integer> totals)
            throws Exception {
        // While the pool counts, this virtual thread is parked and its carrier is free for others.
        Map<String, Integer> words = cpu.submit(() -> counter.count(answer)).get();
        words.forEach((word, n) -> totals.merge(word, n, Integer::sum));
    }
}
