package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.StableHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the simulated model's answer to a prompt that is not a sum: a few sentences picked by
 * the prompt's hash, quoting the prompt and ending with an answer code unique to it, so an
 * answer paired with the wrong prompt is easy to catch.
 */
final class ProseWriter {

    private static final String[] SENTENCES = {
        "The key idea is to keep every slow step waiting without blocking the others.",
        "In practice, the answer depends on how much work can overlap.",
        "A useful way to see it is as a queue of small tasks that finish in any order.",
        "The short version: measure first, then decide what to run at the same time.",
        "A common pitfall is to start more work than the service allows per minute.",
        "One detail worth noting is that latency adds up only when steps wait for each other.",
        "The main trade-off is between throughput and how quickly the first result arrives.",
        "Most of the time goes to waiting for the network, not to computing.",
        "Good results come from bounding the work in flight and retrying with care.",
        "It helps to think of each request as a promise of a value that arrives later.",
        "Small batches keep memory low while still using the connection well.",
        "Clear timeouts turn a stuck call into an error you can handle.",
    };

    private ProseWriter() {
    }

    static String answer(String prompt) {
        long hash = StableHash.of(prompt);
        SplittableRandom random = new SplittableRandom(hash);
        List<String> pool = new ArrayList<>(List.of(SENTENCES));
        StringBuilder text = new StringBuilder("Here is a short answer to \"").append(topic(prompt)).append("\".");
        int count = 3 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            text.append(' ').append(pool.remove(random.nextInt(pool.size())));
        }
        text.append(String.format(Locale.ROOT, " (Answer code %04X-%04X.)",
                (hash >>> 48) & 0xffff, (hash >>> 32) & 0xffff));
        return text.toString();
    }

    private static String topic(String prompt) {
        String oneLine = prompt.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "…";
    }
}
