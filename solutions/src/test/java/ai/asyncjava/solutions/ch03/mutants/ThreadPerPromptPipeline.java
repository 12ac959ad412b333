package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import ai.asyncjava.solutions.ch03.QueuePipeline;
import com.google.genai.Client;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mutant: a worker hands each prompt to a virtual thread of its own and takes the next at once, so
 * the calls in flight are not bounded by the workers.
 */
public class ThreadPerPromptPipeline extends QueuePipeline {

    @Override
    protected int generateAnswers(Client client, BlockingQueue<Message<String>> prompts,
                                  BlockingQueue<Message<PromptAnswer>> answers, AtomicInteger failedCalls)
            throws InterruptedException {
        AtomicInteger answered = new AtomicInteger();
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            while (prompts.take() instanceof Message.Item<String>(String prompt)) {
                calls.submit(() -> {
                    answers.put(new Message.Item<>(new PromptAnswer(prompt, generate(client, prompt, failedCalls))));
                    return answered.incrementAndGet();
                });
            }
        }
        answers.put(new Message.EndOfStream<>());
        return answered.get();
    }
}
