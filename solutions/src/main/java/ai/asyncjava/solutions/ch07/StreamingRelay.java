package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.TokenRelay;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import java.util.function.Predicate;

/**
 * Each chunk passed on the moment it is read; the stream closed by try-with-resources the moment the
 * sink has enough, which closes its connection: the model stops writing for nobody.
 */
public class StreamingRelay implements TokenRelay {

    private final Client client;

    public StreamingRelay(Client client) {
        this.client = client;
    }

    @Override
    public String relay(String prompt, Predicate<String> sink) {
        StringBuilder passedOn = new StringBuilder();
        try (ResponseStream<GenerateContentResponse> stream =
                     client.models.generateContentStream(Gemini.MODEL, prompt, null)) {
            for (GenerateContentResponse chunk : stream) {
                String text = chunk.text();
                if (text == null || text.isEmpty()) {
                    continue;
                }
                passedOn.append(text);
                if (!sink.test(text)) {
                    break; // leaving the try closes the stream
                }
            }
        }
        return passedOn.toString();
    }
}
