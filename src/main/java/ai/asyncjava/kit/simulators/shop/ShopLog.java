package ai.asyncjava.kit.simulators.shop;

import ai.asyncjava.kit.simulators.Durations;
import ai.asyncjava.kit.simulators.LogFigures;
import ai.asyncjava.kit.simulators.SlidingWindowQuota;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Every request the shop simulator's two hosts were sent, in arrival order: what was asked for
 * and by which connection, when it arrived and ended, its status and the concurrency at arrival.
 * Arrivals are stamped under one lock together with the quota decision, so the log's order is
 * the order the quota saw. Thread-safe; times in ms since the start or the last {@link #clear()}.
 */
public final class ShopLog {

    private final List<Entry> entries = new ArrayList<>();
    private long originNanos = System.nanoTime();
    private int inFlight;
    private int nextId = 1;

    ShopLog() {
    }

    /** Logs an arrival and decides its admission, atomically. */
    synchronized Entry open(String host, String target, URI page, String userAgent, long connection,
                            boolean newConnection, LongFunction<SlidingWindowQuota.Decision> admission) {
        long now = System.nanoTime();
        SlidingWindowQuota.Decision decision = admission.apply(now);
        Entry entry = new Entry(nextId++, host, target, page, userAgent, connection, newConnection, now, inFlight, decision);
        inFlight++;
        entries.add(entry);
        return entry;
    }

    /** A snapshot of all requests, in arrival order. */
    public List<ShopRequest> requests() {
        List<Entry> copy;
        long origin;
        synchronized (this) {
            copy = List.copyOf(entries);
            origin = originNanos;
        }
        return copy.stream().map(e -> e.snapshot(origin)).toList();
    }

    /** The requests sent to {@code host} ({@code 127.0.0.1:PORT}), in arrival order. */
    public List<ShopRequest> requests(String host) {
        return requests().stream().filter(r -> r.host().equals(host)).toList();
    }

    /**
     * The log as a Tablesaw table, columns: id, host, target, page (empty when none), arrival_ms,
     * end_ms, duration_ms, status, in_flight_at_arrival, connection, new_connection. Times are
     * rounded to 0.1 ms, as a table is for reading (checks use {@link #requests()}); missing
     * times are missing values.
     */
    public Table table() {
        List<ShopRequest> rows = requests();
        int n = rows.size();
        int[] id = new int[n];
        String[] host = new String[n];
        String[] target = new String[n];
        String[] page = new String[n];
        double[] arrival = new double[n];
        double[] end = new double[n];
        double[] duration = new double[n];
        int[] status = new int[n];
        int[] inFlightAtArrival = new int[n];
        long[] connection = new long[n];
        boolean[] newConnection = new boolean[n];
        for (int i = 0; i < n; i++) {
            ShopRequest r = rows.get(i);
            id[i] = r.id();
            host[i] = r.host();
            target[i] = r.target();
            page[i] = r.page() == null ? "" : r.page().toString();
            arrival[i] = Durations.tenthsOfMs(r.arrivalMs());
            end[i] = Durations.tenthsOfMs(r.endMs());
            duration[i] = Durations.tenthsOfMs(r.durationMs());
            status[i] = r.status();
            inFlightAtArrival[i] = r.inFlightAtArrival();
            connection[i] = r.connection();
            newConnection[i] = r.newConnection();
        }
        return Table.create("requests",
                IntColumn.create("id", id), StringColumn.create("host", host),
                StringColumn.create("target", target), StringColumn.create("page", page),
                DoubleColumn.create("arrival_ms", arrival), DoubleColumn.create("end_ms", end),
                DoubleColumn.create("duration_ms", duration), IntColumn.create("status", status),
                IntColumn.create("in_flight_at_arrival", inFlightAtArrival),
                LongColumn.create("connection", connection), BooleanColumn.create("new_connection", newConnection));
    }

    /** The most requests in flight at one moment, both hosts together. */
    public int peakInFlight() {
        return LogFigures.peakInFlight(requests(), ShopRequest::arrivalMs, ShopRequest::endMs);
    }

    /** The most requests in flight at one moment on {@code host} ({@code 127.0.0.1:PORT}). */
    public int peakInFlight(String host) {
        return LogFigures.peakInFlight(requests(host), ShopRequest::arrivalMs, ShopRequest::endMs);
    }

    /**
     * The most arrivals on {@code host} (robots.txt and turned-away ones included) within any
     * stretch of time of length {@code window}; two arrivals exactly {@code window} apart are in
     * different stretches.
     */
    public int maxArrivalsInWindow(String host, Duration window) {
        return LogFigures.maxArrivalsInWindow(requests(host), window, ShopRequest::arrivalMs);
    }

    /** How many requests opened a new connection, both hosts together. */
    public long newConnections() {
        return requests().stream().filter(ShopRequest::newConnection).count();
    }

    /** How many requests got this HTTP status. */
    public long countStatus(int status) {
        return requests().stream().filter(r -> r.status() == status).count();
    }

    /** Forgets all rows and restarts the clock at zero; requests still in flight are not logged again. */
    public synchronized void clear() {
        entries.clear();
        originNanos = System.nanoTime();
        nextId = 1;
    }

    /** One logged request, as the server updates it. */
    final class Entry {
        private final int id;
        private final String host;
        private final String target;
        private final URI page;
        private final String userAgent;
        private final long connection;
        private final boolean newConnection;
        private final long arrivalNanos;
        private final int inFlightAtArrival;
        private final SlidingWindowQuota.Decision decision;
        private long endNanos = -1;
        private int status;

        private Entry(int id, String host, String target, URI page, String userAgent, long connection,
                      boolean newConnection, long arrivalNanos, int inFlightAtArrival,
                      SlidingWindowQuota.Decision decision) {
            this.id = id;
            this.host = host;
            this.target = target;
            this.page = page;
            this.userAgent = userAgent;
            this.connection = connection;
            this.newConnection = newConnection;
            this.arrivalNanos = arrivalNanos;
            this.inFlightAtArrival = inFlightAtArrival;
            this.decision = decision;
        }

        int id() {
            return id;
        }

        SlidingWindowQuota.Decision decision() {
            return decision;
        }

        /** Marks the end with the status sent. Later calls are ignored. */
        void finish(int httpStatus) {
            synchronized (ShopLog.this) {
                if (endNanos >= 0) {
                    return;
                }
                endNanos = System.nanoTime();
                status = httpStatus;
                inFlight--;
            }
        }

        private ShopRequest snapshot(long origin) {
            synchronized (ShopLog.this) {
                return new ShopRequest(id, host, target, page, userAgent, millis(arrivalNanos, origin),
                        endNanos < 0 ? Double.NaN : millis(endNanos, origin), status, inFlightAtArrival,
                        connection, newConnection);
            }
        }

        private static double millis(long nanos, long origin) {
            return (nanos - origin) / 1e6;
        }
    }
}
