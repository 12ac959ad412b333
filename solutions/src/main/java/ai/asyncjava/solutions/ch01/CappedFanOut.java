package ai.asyncjava.solutions.ch01;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** A virtual thread per prompt, but a semaphore lets only {@code maxInFlight} of them call at once. */
public class CappedFanOut implements PromptFanOut {

    private final Client client;
    private final int maxInFlight;

    public CappedFanOut(Client.Builder builder, int maxInFlight) {
        this.client = builder.build();
        this.maxInFlight = maxInFlight;
    }

    @Override
    public List<String> askAll(List<String> prompts) throws Exception {
        // One semaphore per askAll: its permits are the places in flight.
        Semaphore places = new Semaphore(maxInFlight);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (String prompt : prompts) {
                calls.add(executor.submit(() -> {
                    // A waiting virtual thread costs next to nothing, so a thousand may wait here.
                    places.acquire();
                    try {
                        return client.models.generateContent(Gemini.MODEL, prompt, null).text();
                    } finally {
                        // Freed the moment this call ends, whatever the others are doing.
                        places.release();
                    }
                }));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> call : calls) {
                answers.add(call.get());
            }
            return answers;
        }
    }

    /** Closes the client this fan-out built: its pooled connections and its HTTP threads. */
    @Override
    public void close() {
        client.close();
    }
}
