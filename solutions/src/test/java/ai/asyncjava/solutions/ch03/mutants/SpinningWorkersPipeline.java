package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.Message;
import java.util.concurrent.BlockingQueue;

/** Mutant: a worker waits for its next prompt by calling poll() in a loop until one comes. */
public class SpinningWorkersPipeline extends WorkerLoop {

    @Override
    Message<String> nextPrompt(BlockingQueue<Message<String>> prompts) throws InterruptedException {
        Message<String> next = prompts.poll();
        while (next == null) {
            if (Thread.interrupted()) {
                throw new InterruptedException(); // it can be stopped, but it never waits
            }
            next = prompts.poll();
        }
        return next;
    }
}
