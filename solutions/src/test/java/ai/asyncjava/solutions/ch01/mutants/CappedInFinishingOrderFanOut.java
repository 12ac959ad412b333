package ai.asyncjava.solutions.ch01.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** Mutant: capped correctly, but each answer is added when its call ends, out of prompt order. */
public class CappedInFinishingOrderFanOut implements PromptFanOut {

    private final Client client;
    private final int maxInFlight;

    public CappedInFinishingOrderFanOut(Client.Builder builder, int maxInFlight) {
        this.client = builder.build();
        this.maxInFlight = maxInFlight;
    }

    @Override
    public List<String> askAll(List<String> prompts) {
        Semaphore places = new Semaphore(maxInFlight);
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String prompt : prompts) {
                executor.submit(() -> {
                    places.acquire();
                    try {
                        return answers.add(client.models.generateContent(Gemini.MODEL, prompt, null).text());
                    } finally {
                        places.release();
                    }
                });
            }
        }
        return answers;
    }

    @Override
    public void close() {
        client.close();
    }
}
