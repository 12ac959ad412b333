package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.DeadlineChain;
import com.google.genai.Client;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.HttpOptions;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One deadline for the whole request, and each call given the SDK's own timeout for what is left
 * of it: OkHttp's call timeout closes the connection when it fires, so a call that runs out of
 * time stops for real, on the server too.
 */
public class BudgetedChain implements DeadlineChain {

    private final Client client;

    public BudgetedChain(Client client) {
        this.client = client;
    }

    @Override
    public String run(List<String> prompts, Duration budget) throws TimeoutException {
        long deadline = System.nanoTime() + budget.toNanos();
        String answer = null;
        for (String prompt : prompts) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                throw new TimeoutException("the budget of " + budget.toMillis() + " ms ran out before \"" + prompt + "\"");
            }
            GenerateContentConfig withWhatIsLeft = GenerateContentConfig.builder()
                    .httpOptions(HttpOptions.builder().timeout((int) leftMillis))
                    .build();
            try {
                answer = client.models.generateContent(Gemini.MODEL, prompt, withWhatIsLeft).text();
            } catch (GenAiIOException e) {
                if (e.getCause() instanceof InterruptedIOException) { // OkHttp's "timeout": the budget ran out
                    throw new TimeoutException("the budget of " + budget.toMillis() + " ms ran out during \"" + prompt + "\"");
                }
                throw e; // a connection that broke for another reason
            }
        }
        return answer;
    }
}
