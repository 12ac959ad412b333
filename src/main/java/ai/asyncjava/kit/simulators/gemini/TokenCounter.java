package ai.asyncjava.kit.simulators.gemini;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stable token estimate: each run of letters or digits counts one token per five characters
 * (about what real tokenizers give for English), each other symbol one token.
 */
final class TokenCounter {

    private static final Pattern PIECE = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

    private TokenCounter() {
    }

    static int count(String text) {
        int tokens = 0;
        Matcher m = PIECE.matcher(text);
        while (m.find()) {
            tokens += (m.end() - m.start() + 4) / 5;
        }
        return tokens;
    }
}
