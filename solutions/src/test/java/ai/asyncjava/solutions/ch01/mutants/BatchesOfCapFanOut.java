package ai.asyncjava.solutions.ch01.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Mutant: sends the prompts in groups of the cap and waits for a whole group before the next. */
public class BatchesOfCapFanOut implements PromptFanOut {

    private final Client client;
    private final int maxInFlight;

    public BatchesOfCapFanOut(Client.Builder builder, int maxInFlight) {
        this.client = builder.build();
        this.maxInFlight = maxInFlight;
    }

    @Override
    public List<String> askAll(List<String> prompts) throws Exception {
        List<String> answers = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int from = 0; from < prompts.size(); from += maxInFlight) {
                List<Callable<String>> group = new ArrayList<>();
                for (String prompt : prompts.subList(from, Math.min(from + maxInFlight, prompts.size()))) {
                    group.add(() -> client.models.generateContent(Gemini.MODEL, prompt, null).text());
                }
                for (Future<String> call : executor.invokeAll(group)) {
                    answers.add(call.get());
                }
            }
        }
        return answers;
    }

    @Override
    public void close() {
        client.close();
    }
}
