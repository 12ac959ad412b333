package ai.asyncjava.kit.simulators.gemini;

import java.util.ArrayList;
import java.util.List;

/** Cuts an answer's text into the pieces a stream sends, so that they join back into the exact text. */
final class StreamChunks {

    /** About as many pieces as a short real answer streams in. */
    static final int TARGET_CHUNKS = 6;

    private StreamChunks() {
    }

    static List<String> split(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String[] words = text.split("(?<= )"); // each word keeps its trailing space
        int perChunk = Math.max(1, (words.length + TARGET_CHUNKS - 1) / TARGET_CHUNKS);
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            chunk.append(words[i]);
            if ((i + 1) % perChunk == 0 || i == words.length - 1) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        return chunks;
    }
}
