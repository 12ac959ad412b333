package ai.asyncjava.kit.simulators.gemini;

import java.util.List;

/**
 * One chunk of a streamed reply, as the simulator sent it: what a check compares with when a
 * function call's work began elsewhere (both clocks are {@link System#nanoTime()}).
 *
 * @param responseId the reply's {@code responseId}, shared by all its chunks
 * @param requestId  the row of the request log this reply answers ({@code LoggedRequest.id()})
 * @param index      the chunk's place in the reply, from 0
 * @param sentNanos  {@link System#nanoTime()} right before the chunk was written
 * @param sentMs     the same instant in ms on the request log's clock (like its {@code arrivalMs})
 * @param callIds    the ids of the function calls it carries, in order
 * @param text       the text it carries, possibly ""
 * @param last       whether it ended the reply
 * @param readableNanos when a client reading the stream with the google-genai SDK can first have the
 *                   chunk: the SDK's {@code ResponseStream} reads one event ahead (its {@code next()}
 *                   returns a chunk only once the following one has arrived, or the stream has
 *                   ended), so this is the next chunk's {@code sentNanos}, or this chunk's own when it
 *                   is the last; -1 while the next chunk has not been sent
 * @param readableMs the same instant in ms on the request log's clock; {@code NaN} while unknown
 */
public record StreamedChunk(String responseId, int requestId, int index, long sentNanos, double sentMs,
                            List<String> callIds, String text, boolean last, long readableNanos, double readableMs) {

    public StreamedChunk {
        callIds = List.copyOf(callIds);
    }

    /** True when the chunk carries the call with this id. */
    public boolean carries(String callId) {
        return callIds.contains(callId);
    }
}
