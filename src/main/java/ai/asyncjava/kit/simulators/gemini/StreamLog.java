package ai.asyncjava.kit.simulators.gemini;

import ai.asyncjava.kit.simulators.Durations;
import ai.asyncjava.kit.simulators.RequestLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every chunk of every server-sent-events reply, when it went out and which calls it carried.
 * Times are kept as {@link System#nanoTime()} and shown on the request log's clock, so they
 * line up with its rows and restart with it. Thread-safe.
 */
final class StreamLog {

    private record Sent(String responseId, int requestId, int index, long sentNanos, List<String> callIds,
                        String text, boolean last) {
    }

    private final RequestLog clock;
    private final List<Sent> sent = new ArrayList<>();

    StreamLog(RequestLog clock) {
        this.clock = clock;
    }

    /** Notes a chunk about to be written now. */
    void record(String responseId, int requestId, int index, List<String> callIds, String text, boolean last) {
        long now = System.nanoTime();
        synchronized (this) {
            sent.add(new Sent(responseId, requestId, index, now, List.copyOf(callIds), text, last));
        }
    }

    List<StreamedChunk> chunks() {
        List<Sent> copy;
        synchronized (this) {
            copy = List.copyOf(sent);
        }
        long origin = clock.originNanos();
        Map<String, Long> sentAt = new HashMap<>();
        copy.forEach(s -> sentAt.put(s.responseId() + "#" + s.index(), s.sentNanos()));
        return copy.stream().map(s -> {
            long readable = s.last() ? s.sentNanos() : sentAt.getOrDefault(s.responseId() + "#" + (s.index() + 1), -1L);
            return new StreamedChunk(s.responseId(), s.requestId(), s.index(), s.sentNanos(),
                    (s.sentNanos() - origin) / 1e6, s.callIds(), s.text(), s.last(), readable,
                    readable < 0 ? Double.NaN : (readable - origin) / 1e6);
        }).toList();
    }

    Optional<StreamedChunk> chunkCarrying(String callId) {
        return chunks().stream().filter(c -> c.carries(callId)).findFirst();
    }

    synchronized void clear() {
        sent.clear();
    }

    Table table() {
        StringColumn response = StringColumn.create("response_id");
        IntColumn request = IntColumn.create("request");
        IntColumn index = IntColumn.create("chunk");
        DoubleColumn sentMs = DoubleColumn.create("sent_ms");
        DoubleColumn readableMs = DoubleColumn.create("readable_ms");
        StringColumn calls = StringColumn.create("call_ids");
        StringColumn text = StringColumn.create("text");
        BooleanColumn last = BooleanColumn.create("last");
        for (StreamedChunk c : chunks()) {
            response.append(c.responseId());
            request.append(c.requestId());
            index.append(c.index());
            sentMs.append(Durations.tenthsOfMs(c.sentMs()));
            readableMs.append(Durations.tenthsOfMs(c.readableMs()));
            calls.append(String.join(" ", c.callIds()));
            text.append(c.text());
            last.append(c.last());
        }
        return Table.create("stream chunks", response, request, index, sentMs, readableMs, calls, text, last);
    }

}
