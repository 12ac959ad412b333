package ai.asyncjava.kit.simulators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Everything a simulator was asked, as checks and charts need it: one row per HTTP request with
 * its arrival, start and end, status, batch size, concurrency at arrival, quota advice, injected
 * fault and attempt number. Arrivals are stamped under one lock together with the quota decision,
 * so the log's order is the order the quota saw. Thread-safe.
 */
public final class RequestLog {

    /** Decides admission for a request arriving at the given {@link System#nanoTime()}. */
    @FunctionalInterface
    public interface Admission extends LongFunction<SlidingWindowQuota.Decision> {
        /** Admits everything: for requests no quota applies to. */
        Admission ALWAYS = now -> SlidingWindowQuota.Decision.ADMITTED;
        /** Turns away without asking a quota: for requests rejected as invalid. */
        Admission INVALID = now -> SlidingWindowQuota.Decision.NOT_CONSIDERED;
    }

    private final String targetColumn;
    private final String batchColumn;
    private final List<Entry> entries = new ArrayList<>();
    private final AttemptTracker attempts = new AttemptTracker();
    private long originNanos = System.nanoTime();
    private int inFlight;
    private int nextId = 1;

    /** @param targetColumn the name of the column saying what was asked for, e.g. {@code model} or {@code path} */
    public RequestLog(String targetColumn) {
        this(targetColumn, "batch_size");
    }

    /**
     * @param targetColumn the name of the column saying what was asked for, e.g. {@code search}
     * @param batchColumn  the name of the table column holding {@link LoggedRequest#batchSize()}, e.g. {@code per_page}
     */
    public RequestLog(String targetColumn, String batchColumn) {
        this.targetColumn = targetColumn;
        this.batchColumn = batchColumn;
    }

    /**
     * Logs the arrival of a request and decides its admission, atomically.
     *
     * @param fingerprint the request's content hash, to recognise retries
     */
    public Entry open(String target, String method, int batchSize, long fingerprint, Admission admission) {
        synchronized (this) {
            long now = System.nanoTime();
            AttemptTracker.Chain chain = attempts.arrive(fingerprint, now);
            SlidingWindowQuota.Decision decision = admission.apply(now);
            Entry entry = new Entry(nextId++, chain, target, method, batchSize, now, inFlight, decision);
            inFlight++;
            entries.add(entry);
            return entry;
        }
    }

    /** A snapshot of all rows, in arrival order. */
    public List<LoggedRequest> requests() {
        List<Entry> copy;
        long origin;
        synchronized (this) {
            copy = List.copyOf(entries);
            origin = originNanos;
        }
        return copy.stream().map(e -> e.snapshot(origin)).toList();
    }

    /** The row with this {@link LoggedRequest#id() id} (numbered from 1 in arrival order), if it has arrived. */
    public Optional<LoggedRequest> byId(int id) {
        synchronized (this) {
            if (id < 1 || id > entries.size()) {
                return Optional.empty();
            }
            return Optional.of(entries.get(id - 1).snapshot(originNanos));
        }
    }

    /**
     * Waits until request {@code id} has ended (answered, failed or abandoned by its client) and
     * returns its row; empty when it has not arrived or not ended within {@code patience}. For
     * checks that ask, right after a client gave up, whether the server saw it go: the server's
     * thread needs a moment to wake up and log it.
     */
    public Optional<LoggedRequest> awaitEnd(int id, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (this) {
            while (true) {
                Optional<LoggedRequest> row = byId(id);
                if (row.isPresent() && !row.get().inFlight()) {
                    return row;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** The requests whose clients hung up before their answers were complete ({@link LoggedRequest#abandoned()}). */
    public List<LoggedRequest> abandoned() {
        return requests().stream().filter(LoggedRequest::abandoned).toList();
    }

    /**
     * The {@link System#nanoTime()} at which this log's clock reads 0 (its start, or its last
     * {@link #clear()}): {@code originNanos() + ms * 1e6} puts a time of this log on the clock that
     * other logs in the same JVM share.
     */
    public synchronized long originNanos() {
        return originNanos;
    }

    /** Forgets all rows and restarts the clock at zero; requests still in flight are not logged again. */
    public synchronized void clear() {
        entries.clear();
        attempts.clear();
        originNanos = System.nanoTime();
        nextId = 1;
    }

    /**
     * The log as a Tablesaw table, columns: id, request, attempt, the target column (e.g. model),
     * method, arrival_ms, start_ms, end_ms, duration_ms, status, batch_size (or the name given), in_flight_at_arrival,
     * retry_after_ms, admitted, fault. Times are rounded to 0.1 ms, as a table is for reading (the
     * checks use {@link #requests()}); missing times are missing values.
     */
    public Table table() {
        List<LoggedRequest> rows = requests();
        int n = rows.size();
        int[] id = new int[n];
        int[] request = new int[n];
        int[] attempt = new int[n];
        String[] target = new String[n];
        String[] method = new String[n];
        double[] arrival = new double[n];
        double[] start = new double[n];
        double[] end = new double[n];
        double[] duration = new double[n];
        int[] status = new int[n];
        int[] batch = new int[n];
        int[] inFlightAtArrival = new int[n];
        double[] retryAfter = new double[n];
        boolean[] admitted = new boolean[n];
        String[] fault = new String[n];
        for (int i = 0; i < n; i++) {
            LoggedRequest r = rows.get(i);
            id[i] = r.id();
            request[i] = r.request();
            attempt[i] = r.attempt();
            target[i] = r.target();
            method[i] = r.method();
            arrival[i] = Durations.tenthsOfMs(r.arrivalMs());
            start[i] = Durations.tenthsOfMs(r.startMs());
            end[i] = Durations.tenthsOfMs(r.endMs());
            duration[i] = Durations.tenthsOfMs(r.durationMs());
            status[i] = r.status();
            batch[i] = r.batchSize();
            inFlightAtArrival[i] = r.inFlightAtArrival();
            retryAfter[i] = Durations.tenthsOfMs(r.retryAfterMs());
            admitted[i] = r.admitted();
            fault[i] = r.fault();
        }
        return Table.create("requests",
                IntColumn.create("id", id), IntColumn.create("request", request),
                IntColumn.create("attempt", attempt), StringColumn.create(targetColumn, target),
                StringColumn.create("method", method), DoubleColumn.create("arrival_ms", arrival),
                DoubleColumn.create("start_ms", start), DoubleColumn.create("end_ms", end),
                DoubleColumn.create("duration_ms", duration), IntColumn.create("status", status),
                IntColumn.create(batchColumn, batch), IntColumn.create("in_flight_at_arrival", inFlightAtArrival),
                DoubleColumn.create("retry_after_ms", retryAfter), BooleanColumn.create("admitted", admitted),
                StringColumn.create("fault", fault));
    }

    /** The most requests that were in flight at the same moment. */
    public int peakInFlight() {
        return LogFigures.peakInFlight(requests());
    }

    /** The most arrivals (admitted or not) in any stretch of time of length {@code window}. */
    public int maxArrivalsInWindow(Duration window) {
        return LogFigures.maxInWindow(requests(), window, r -> true);
    }

    /** The most quota-admitted arrivals in any stretch of time of length {@code window}. */
    public int maxAdmittedInWindow(Duration window) {
        return LogFigures.maxInWindow(requests(), window, LoggedRequest::admitted);
    }

    /** How many rows have this HTTP status. */
    public long countStatus(int status) {
        return requests().stream().filter(r -> r.status() == status).count();
    }

    /** How many rows were retries (attempt above 1). */
    public long retries() {
        return requests().stream().filter(LoggedRequest::isRetry).count();
    }

    /** One logged request, as the server updates it. */
    public final class Entry {
        private final int id;
        private final AttemptTracker.Chain chain;
        private final int attempt;
        private final String target;
        private final String method;
        private final int batchSize;
        private final long arrivalNanos;
        private final int inFlightAtArrival;
        private final SlidingWindowQuota.Decision decision;
        private long startNanos = -1;
        private long endNanos = -1;
        private int status;
        private Fault fault = Fault.NONE;

        private Entry(int id, AttemptTracker.Chain chain, String target, String method, int batchSize,
                      long arrivalNanos, int inFlightAtArrival, SlidingWindowQuota.Decision decision) {
            this.id = id;
            this.chain = chain;
            this.attempt = chain.attempts;
            this.target = target;
            this.method = method;
            this.batchSize = batchSize;
            this.arrivalNanos = arrivalNanos;
            this.inFlightAtArrival = inFlightAtArrival;
            this.decision = decision;
        }

        /** The request's number in arrival order. */
        public int id() {
            return id;
        }

        /** The quota's decision on this request. */
        public SlidingWindowQuota.Decision decision() {
            return decision;
        }

        /** 1 for a first try, 2 for its first retry, ... */
        public int attempt() {
            return attempt;
        }

        /** The logical request it belongs to: its retries share it, a copy sent while it is in flight does not. */
        public int request() {
            return chain.request;
        }

        /** Marks the moment the simulated work begins. */
        public void started() {
            synchronized (RequestLog.this) {
                startNanos = System.nanoTime();
            }
        }

        /** Records the injected fault, before the request ends. */
        public void fault(Fault injected) {
            synchronized (RequestLog.this) {
                fault = injected;
            }
        }

        /** Marks the end: the status sent (0 for none). Later calls are ignored. */
        public void finish(int httpStatus) {
            finishAt(httpStatus, System.nanoTime());
        }

        /**
         * Marks an end that happened at {@code atNanos} ({@link System#nanoTime()}; never before the
         * arrival), such as the moment a client closed its connection. Later calls are ignored.
         */
        public void finishAt(int httpStatus, long atNanos) {
            synchronized (RequestLog.this) {
                if (endNanos >= 0) {
                    return;
                }
                endNanos = Math.max(atNanos, arrivalNanos);
                status = httpStatus;
                inFlight--;
                attempts.finish(chain, httpStatus, endNanos);
                RequestLog.this.notifyAll(); // wakes awaitEnd
            }
        }

        private LoggedRequest snapshot(long origin) {
            synchronized (RequestLog.this) {
                return new LoggedRequest(id, chain.request, attempt, target, method,
                        millis(arrivalNanos, origin), startNanos < 0 ? Double.NaN : millis(startNanos, origin),
                        endNanos < 0 ? Double.NaN : millis(endNanos, origin), status, batchSize,
                        inFlightAtArrival, decision.overQuota() ? Durations.toMillis(decision.retryAfter()) : Double.NaN,
                        decision.admitted(), fault.label());
            }
        }

        private static double millis(long nanos, long origin) {
            return (nanos - origin) / 1e6;
        }
    }
}
