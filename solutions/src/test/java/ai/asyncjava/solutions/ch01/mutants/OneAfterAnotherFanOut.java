package ai.asyncjava.solutions.ch01.mutants;

import com.google.genai.Client;
import java.util.ArrayList;
import java.util.List;

/** Mutant: a plain loop over the sync client, so each call waits for the one before. */
public class OneAfterAnotherFanOut extends SyncCallsFanOut {

    public OneAfterAnotherFanOut(Client.Builder builder) {
        super(builder);
    }

    @Override
    public List<String> askAll(List<String> prompts) {
        List<String> answers = new ArrayList<>();
        for (String prompt : prompts) {
            answers.add(ask(prompt));
        }
        return answers;
    }
}
