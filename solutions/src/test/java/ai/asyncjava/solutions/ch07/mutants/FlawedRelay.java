package ai.asyncjava.solutions.ch07.mutants;

import ai.asyncjava.kit.course.Gemini;
import ai.asyncjava.kit.exercises.ch07.TokenRelay;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** Mutants of the token relay: the reference's design with one learner's mistake switched on. */
public class FlawedRelay implements TokenRelay {

    /** The mistakes, one per mutant. */
    public enum Flaw {
        /** Reads the whole stream, then passes the pieces on. */
        COLLECTS_FIRST,
        /** Asks without streaming, and passes the whole answer on as one piece. */
        NOT_STREAMED,
        /** Stops passing on when the sink has enough, but reads the stream to its end. */
        KEEPS_READING,
        /** Leaves the loop when the sink has enough, but never closes the stream. */
        NEVER_CLOSES,
        /** Ignores what the sink says. */
        IGNORES_THE_SINK,
        /** Strips each piece of its spaces, so the words of two pieces run together. */
        STRIPS_PIECES,
    }

    private final Client client;
    private final Flaw flaw;

    public FlawedRelay(Client client, Flaw flaw) {
        this.client = client;
        this.flaw = flaw;
    }

    @Override
    public String relay(String prompt, Predicate<String> sink) {
        StringBuilder passedOn = new StringBuilder();
        if (flaw == Flaw.NOT_STREAMED) {
            String text = client.models.generateContent(Gemini.MODEL, prompt, null).text();
            sink.test(text);
            return text;
        }
        ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(Gemini.MODEL, prompt, null);
        List<String> read = new ArrayList<>();
        Iterator<GenerateContentResponse> chunks = stream.iterator();
        boolean enough = false;
        while (chunks.hasNext()) {
            String text = chunks.next().text();
            if (text == null || text.isEmpty()) {
                continue;
            }
            if (flaw == Flaw.STRIPS_PIECES) {
                text = text.strip();
            }
            if (flaw == Flaw.COLLECTS_FIRST) {
                read.add(text);
                continue;
            }
            if (enough) {
                continue; // KEEPS_READING: drains the rest
            }
            passedOn.append(text);
            boolean more = sink.test(text);
            if (!more && flaw != Flaw.IGNORES_THE_SINK) {
                enough = true;
                if (flaw == Flaw.NEVER_CLOSES) {
                    return passedOn.toString();
                }
                if (flaw != Flaw.KEEPS_READING) {
                    break;
                }
            }
        }
        for (String text : read) {
            passedOn.append(text);
            if (!sink.test(text)) {
                break;
            }
        }
        stream.close();
        return passedOn.toString();
    }
}
