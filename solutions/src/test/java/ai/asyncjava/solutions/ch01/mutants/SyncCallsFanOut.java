package ai.asyncjava.solutions.ch01.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a mutant: the shape several mutants share, one sync call per prompt on an executor and the
 * answers read in prompt order. Each mutant overrides the one step it gets wrong.
 */
abstract class SyncCallsFanOut implements PromptFanOut {

    private final Client client;

    SyncCallsFanOut(Client.Builder builder) {
        this.client = builder.build();
    }

    /** Where the calls run: a virtual thread each, unless a mutant says otherwise. */
    ExecutorService executorFor(List<String> prompts) {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    /** One call of the model. */
    String ask(String prompt) {
        return client.models.generateContent(Gemini.MODEL, prompt, null).text();
    }

    /** The answer of one finished call. */
    String answerOf(Future<String> call) throws Exception {
        return call.get();
    }

    @Override
    public List<String> askAll(List<String> prompts) throws Exception {
        try (ExecutorService executor = executorFor(prompts)) {
            List<Future<String>> calls = new ArrayList<>();
            for (String prompt : prompts) {
                calls.add(executor.submit(() -> ask(prompt)));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> call : calls) {
                answers.add(answerOf(call));
            }
            return answers;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
