package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Mutant: a worker takes an input queue that stays empty for 100 ms for the end of the prompts. */
public class QuitsWhenQueueIsEmptyPipeline extends WorkerLoop {

    @Override
    Message<String> nextPrompt(BlockingQueue<Message<String>> prompts) throws InterruptedException {
        Message<String> next = prompts.poll(100, TimeUnit.MILLISECONDS);
        return next == null ? new Message.EndOfStream<>() : next;
    }
}
