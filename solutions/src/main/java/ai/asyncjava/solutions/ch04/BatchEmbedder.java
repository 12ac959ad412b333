package ai.asyncjava.solutions.ch04;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch04.Embedded;
import ai.asyncjava.kit.exercises.ch04.EmbeddingStage;
import ai.asyncjava.kit.exercises.Message;
import com.google.genai.Client;
import com.google.genai.types.ContentEmbedding;
import com.google.genai.types.EmbedContentConfig;
import com.google.genai.types.EmbedContentResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/** One embedding request per batch; the results go on one by one, each text with its own vector. */
public class BatchEmbedder implements EmbeddingStage {

    /** Short vectors are plenty for a demo and keep the responses small. */
    private static final EmbedContentConfig CONFIG = EmbedContentConfig.builder().outputDimensionality(8).build();

    @Override
    public void run(Client client, BlockingQueue<Message<List<String>>> batches,
                    BlockingQueue<Message<Embedded>> output) throws InterruptedException {
        while (true) {
            switch (batches.take()) {
                case Message.Item<List<String>>(List<String> texts) -> {
                    // One call for the whole batch: the SDK sends it as a single batchEmbedContents.
                    EmbedContentResponse response = client.models.embedContent(Gemini.EMBEDDING_MODEL, texts, CONFIG);
                    List<ContentEmbedding> embeddings = response.embeddings().orElse(List.of());
                    if (embeddings.size() != texts.size()) {
                        throw new IllegalStateException("asked for " + texts.size() + " embeddings, got " + embeddings.size());
                    }
                    // The API answers in the order of the texts, so position i belongs to text i.
                    for (int i = 0; i < texts.size(); i++) {
                        List<Float> values = embeddings.get(i).values().orElseThrow();
                        output.put(Message.item(new Embedded(texts.get(i), values)));
                    }
                }
                case Message.EndOfStream<List<String>> end -> {
                    output.put(Message.end()); // every result is already on the queue, ahead of it
                    return;
                }
            }
        }
    }
}
