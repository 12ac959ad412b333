package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.solutions.ch03.QueuePipeline;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;

/** Mutant: the reader sends a single end-of-stream marker, so all workers but one wait for ever. */
public class OnePoisonPillPipeline extends QueuePipeline {

    @Override
    protected int readPrompts(PromptSource source, BlockingQueue<Message<String>> prompts, int workers)
            throws IOException, InterruptedException {
        int read = 0;
        for (Optional<String> prompt = source.next(); prompt.isPresent(); prompt = source.next()) {
            prompts.put(new Message.Item<>(prompt.get()));
            read++;
        }
        prompts.put(new Message.EndOfStream<>());
        return read;
    }
}
