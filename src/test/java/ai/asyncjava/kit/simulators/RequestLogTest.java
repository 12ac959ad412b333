package ai.asyncjava.kit.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RequestLogTest {

    private static LoggedRequest row(double arrival, double end) {
        return new LoggedRequest(1, 1, 1, "m", "generateContent", arrival, arrival, end, 200, 1, 0,
                Double.NaN, true, "none");
    }

    @Test
    void peakInFlightCountsOverlaps() {
        List<LoggedRequest> rows = List.of(row(0, 10), row(5, 15), row(6, 7), row(10, 20), row(30, 40));
        assertEquals(3, LogFigures.peakInFlight(rows)); // at 6..7: the first three
        assertEquals(1, LogFigures.peakInFlight(List.of(row(0, 10), row(10, 20)))); // back to back
    }

    @Test
    void maxInWindowFindsTheBusiestStretch() {
        List<LoggedRequest> rows = List.of(row(0, 1), row(100, 101), row(950, 951), row(1000, 1001), row(1050, 1051));
        assertEquals(4, LogFigures.maxInWindow(rows, Duration.ofMillis(1000), r -> true)); // 100, 950, 1000, 1050
        assertEquals(3, LogFigures.maxInWindow(rows, Duration.ofMillis(101), r -> true)); // 950, 1000, 1050
        assertEquals(2, LogFigures.maxInWindow(rows, Duration.ofMillis(100), r -> true)); // 1050 - 950 is not < 100
        assertEquals(0, LogFigures.maxInWindow(List.of(), Duration.ofMillis(100), r -> true));
    }

    @Test
    void logsArrivalConcurrencyAttemptsAndQuotaAdvice() {
        RequestLog log = new RequestLog("model");
        RequestLog.Entry first = log.open("m", "generateContent", 1, 42, RequestLog.Admission.ALWAYS);
        RequestLog.Entry second = log.open("m", "generateContent", 3, 7,
                now -> new SlidingWindowQuota.Decision(false, Duration.ofMillis(250), SlidingWindowQuota.Limit.REQUESTS));
        second.finish(429);
        first.started();
        first.finish(503);
        RequestLog.Entry retry = log.open("m", "generateContent", 1, 42, RequestLog.Admission.ALWAYS);
        retry.finish(200);

        List<LoggedRequest> rows = log.requests();
        assertEquals(List.of(0, 1, 0), rows.stream().map(LoggedRequest::inFlightAtArrival).toList());
        assertEquals(250.0, rows.get(1).retryAfterMs());
        assertEquals(3, rows.get(1).batchSize());
        assertEquals(2, rows.get(2).attempt());
        assertEquals(rows.get(0).request(), rows.get(2).request());
        assertEquals(1, log.retries());
        assertEquals(2, log.peakInFlight());

        Table table = log.table();
        assertEquals(3, table.rowCount());
        assertEquals(List.of("id", "request", "attempt", "model", "method", "arrival_ms", "start_ms", "end_ms",
                "duration_ms", "status", "batch_size", "in_flight_at_arrival", "retry_after_ms", "admitted", "fault"),
                table.columnNames());
        assertTrue(table.doubleColumn("start_ms").isMissing(1)); // the 429 never started
        for (double duration : table.doubleColumn("duration_ms").asDoubleArray()) {
            assertEquals(Math.round(duration * 10) / 10.0, duration, "durations are shown to 0.1 ms");
        }
        log.clear();
        assertEquals(0, log.requests().size());
    }
}
