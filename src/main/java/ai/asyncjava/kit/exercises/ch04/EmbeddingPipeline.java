package ai.asyncjava.kit.exercises.ch04;

import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The whole flow of chapter 04: texts arrive one by one on an input queue; a batcher groups
 * them; an embedding stage embeds each batch with one request; a logger stage hands every
 * result to a sink. Each stage runs on its own thread and the stages talk through queues,
 * the end-of-stream marker travelling from stage to stage.
 */
public interface EmbeddingPipeline {

    /**
     * Embeds every text that arrives on {@code input} until the end-of-stream marker, with the
     * batch size and timeout this pipeline was made with, and passes each text with its
     * embedding to {@code sink}, from the logger stage, as soon as it is ready. Returns once the
     * end-of-stream marker has come through every stage and every result has reached the sink,
     * with no thread of the pipeline still running.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    void run(Client client, BlockingQueue<Message<String>> input, Consumer<Embedded> sink) throws InterruptedException;
}
