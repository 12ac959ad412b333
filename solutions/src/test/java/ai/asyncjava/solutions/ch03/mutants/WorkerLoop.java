package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import ai.asyncjava.solutions.ch03.QueuePipeline;
import com.google.genai.Client;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A worker's loop with two hooks, for the mutants whose bug is in how a worker takes or answers a prompt. */
abstract class WorkerLoop extends QueuePipeline {

    /** Tries per prompt, as in the reference. */
    static final int TRIES = 8;

    /** The reference's pause before the next try: 50 ms, 100 ms, ... up to 500 ms. */
    static long pauseMillis(int attempt) {
        return Math.min(500, 50L << (attempt - 1));
    }

    @Override
    protected int generateAnswers(Client client, BlockingQueue<Message<String>> prompts,
                                  BlockingQueue<Message<PromptAnswer>> answers, AtomicInteger failedCalls)
            throws InterruptedException {
        int answered = 0;
        while (nextPrompt(prompts) instanceof Message.Item<String>(String prompt)) {
            for (PromptAnswer answer : answer(client, prompt, failedCalls)) {
                answers.put(new Message.Item<>(answer));
                answered++;
            }
        }
        answers.put(new Message.EndOfStream<>());
        return answered;
    }

    /** The next message for this worker. */
    Message<String> nextPrompt(BlockingQueue<Message<String>> prompts) throws InterruptedException {
        return prompts.take();
    }

    /** What the worker hands on for {@code prompt}. */
    List<PromptAnswer> answer(Client client, String prompt, AtomicInteger failedCalls) throws InterruptedException {
        return List.of(new PromptAnswer(prompt, generate(client, prompt, failedCalls)));
    }
}
