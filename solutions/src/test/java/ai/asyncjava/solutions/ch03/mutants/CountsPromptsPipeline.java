package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import ai.asyncjava.kit.exercises.ch03.WordCounter;
import ai.asyncjava.solutions.ch03.CountingQueuePipeline;
import com.google.genai.Client;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** Mutant: counts the words of each prompt instead of its answer. */
public class CountsPromptsPipeline extends CountingQueuePipeline {

    @Override
    protected int generateAndCount(Client client, BlockingQueue<Message<String>> prompts,
                                   BlockingQueue<Message<PromptAnswer>> answers, AtomicInteger failedCalls,
                                   ExecutorService cpu, WordCounter counter, Map<String, Integer> totals)
            throws Exception {
        int answered = 0;
        while (prompts.take() instanceof Message.Item<String>(String prompt)) {
            String answer = generate(client, prompt, failedCalls);
            cpu.submit(() -> counter.count(prompt)).get().forEach((word, n) -> totals.merge(word, n, Integer::sum));
            answers.put(new Message.Item<>(new PromptAnswer(prompt, answer)));
            answered++;
        }
        answers.put(new Message.EndOfStream<>());
        return answered;
    }
}
