package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import ai.asyncjava.solutions.ch03.QueuePipeline;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Mutant: the writer asks the output queue for an answer with poll(0, ...) again and again until one is there. */
public class SpinningWriterPipeline extends QueuePipeline {

    @Override
    protected int writeAnswers(BlockingQueue<Message<PromptAnswer>> answers, AnswerSink sink, int workers)
            throws IOException, InterruptedException {
        int written = 0;
        int workersDone = 0;
        while (workersDone < workers) {
            Message<PromptAnswer> next = answers.poll(0, TimeUnit.MILLISECONDS);
            if (next instanceof Message.Item<PromptAnswer>(PromptAnswer answer)) {
                sink.write(answer);
                written++;
            } else if (next instanceof Message.EndOfStream<PromptAnswer>) {
                workersDone++;
            }
        }
        return written;
    }
}
