package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The queues and counter of one run, for the mutants that wire the stages their own way. */
record Queues(BlockingQueue<Message<String>> prompts, BlockingQueue<Message<PromptAnswer>> answers,
              AtomicInteger failedCalls) {

    static Queues of(PipelineConfig config) {
        return new Queues(new LinkedBlockingQueue<>(config.queueSize()), new LinkedBlockingQueue<>(config.queueSize()),
                new AtomicInteger());
    }
}
