package ai.asyncjava.kit.exercises.ch04;

import ai.asyncjava.kit.exercises.Message;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a batcher did, read from its input and output {@link TimedQueue}s: when each item
 * arrived, which batch took it and when that batch was sent, so each item's wait. Items are
 * matched by {@code equals}, first come first matched, so give them distinct values.
 * <pre>{@code
 * TimedQueue<String> input = new TimedQueue<>();
 * TimedQueue<List<String>> output = new TimedQueue<>();
 * ... run a producer and the batcher on them ...
 * BatchTrace<String> trace = BatchTrace.of(input, output, 8);
 * trace.waitPercentile(99)
 * }</pre>
 *
 * @param <T> the type of the items
 */
public final class BatchTrace<T> {

    /** Why a batch went out, as far as the queues can tell. */
    public enum Kind {
        /** It held the batch size. */
        FULL("full batch"),
        /** It held fewer, and the stream had not ended: the timeout (or another rule) sent it. */
        PARTIAL("partial batch"),
        /** It held fewer and went out after the end-of-stream marker had arrived. */
        AT_END("last batch, at end of stream");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How charts and tables name it. */
        public String label() {
            return label;
        }
    }

    /**
     * One item put on the input queue.
     *
     * @param index     its place in arrival order, from 0
     * @param item      the item
     * @param arrivedMs when it was put on the input queue
     * @param batch     the number (from 1) of the batch that sent it, or 0 when none did
     * @param sentMs    when that batch was sent; NaN when none did
     */
    public record Arrival<T>(int index, T item, double arrivedMs, int batch, double sentMs) {

        /** How long it waited in the batcher; NaN when it was never sent. */
        public double waitMs() {
            return sentMs - arrivedMs;
        }

        /** True when a batch sent it. */
        public boolean sent() {
            return batch > 0;
        }
    }

    /**
     * One batch put on the output queue.
     *
     * @param number         its place in sending order, from 1
     * @param sentMs         when it was put on the output queue
     * @param items          its items as they were when it was sent (empty for a null batch)
     * @param firstArrivalMs when the earliest of its items arrived; NaN when none is known
     * @param kind           full, partial, or the last one at end of stream
     */
    public record Batch<T>(int number, double sentMs, List<T> items, double firstArrivalMs, Kind kind) {

        public int size() {
            return items.size();
        }
    }

    private final long originNanos;
    private final int batchSize;
    private final List<Arrival<T>> arrivals;
    private final List<Batch<T>> batches;
    private final List<T> unexpected;
    private final double inputEndMs;
    private final List<Double> outputEndsMs;

    private BatchTrace(long originNanos, int batchSize, List<Arrival<T>> arrivals, List<Batch<T>> batches,
                       List<T> unexpected, double inputEndMs, List<Double> outputEndsMs) {
        this.originNanos = originNanos;
        this.batchSize = batchSize;
        this.arrivals = arrivals;
        this.batches = batches;
        this.unexpected = unexpected;
        this.inputEndMs = inputEndMs;
        this.outputEndsMs = outputEndsMs;
    }

    /**
     * Reads the two queues of one batcher run. Times are in ms since the first item arrived.
     *
     * @param batchSize the batcher's batch size, to tell full batches from partial ones
     */
    public static <T> BatchTrace<T> of(TimedQueue<T> input, TimedQueue<List<T>> output, int batchSize) {
        List<TimedQueue.Put<T>> in = input.puts();
        List<TimedQueue.Put<List<T>>> out = output.puts();
        long origin = !in.isEmpty() ? in.getFirst().nanos() : !out.isEmpty() ? out.getFirst().nanos() : System.nanoTime();

        List<T> items = new ArrayList<>();
        List<Double> arrivedMs = new ArrayList<>();
        double inputEnd = Double.NaN;
        for (TimedQueue.Put<T> put : in) {
            switch (put.message()) {
                case Message.Item<T>(T item) -> {
                    items.add(item);
                    arrivedMs.add(millis(put.nanos(), origin));
                }
                case Message.EndOfStream<T> end -> inputEnd = Double.isNaN(inputEnd) ? millis(put.nanos(), origin) : inputEnd;
            }
        }

        // Match every item a batch sent with the earliest arrival of an equal item not yet matched.
        Map<Object, Deque<Integer>> waiting = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            waiting.computeIfAbsent(key(items.get(i)), k -> new ArrayDeque<>()).add(i);
        }
        int[] batchOf = new int[items.size()];
        double[] sentAt = new double[items.size()];
        java.util.Arrays.fill(sentAt, Double.NaN);
        List<Batch<T>> batches = new ArrayList<>();
        List<T> unexpected = new ArrayList<>();
        List<Double> outputEnds = new ArrayList<>();
        for (TimedQueue.Put<List<T>> put : out) {
            double sentMs = millis(put.nanos(), origin);
            if (put.message() instanceof Message.EndOfStream<List<T>>) {
                outputEnds.add(sentMs);
                continue;
            }
            List<T> sent = itemsAtPut(put);
            int number = batches.size() + 1;
            double first = Double.NaN;
            for (T item : sent) {
                Deque<Integer> candidates = waiting.get(key(item));
                Integer index = candidates == null ? null : candidates.poll();
                if (index == null) {
                    unexpected.add(item);
                    continue;
                }
                batchOf[index] = number;
                sentAt[index] = sentMs;
                first = Double.isNaN(first) ? arrivedMs.get(index) : Math.min(first, arrivedMs.get(index));
            }
            Kind kind = sent.size() >= batchSize ? Kind.FULL
                    : !Double.isNaN(inputEnd) && inputEnd <= sentMs ? Kind.AT_END : Kind.PARTIAL;
            batches.add(new Batch<>(number, sentMs, sent, first, kind));
        }
        List<Arrival<T>> arrivals = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            arrivals.add(new Arrival<>(i, items.get(i), arrivedMs.get(i), batchOf[i], sentAt[i]));
        }
        return new BatchTrace<>(origin, batchSize, List.copyOf(arrivals), List.copyOf(batches),
                Collections.unmodifiableList(unexpected), inputEnd, List.copyOf(outputEnds));
    }

    /** Every item that arrived, in arrival order. */
    public List<Arrival<T>> arrivals() {
        return arrivals;
    }

    /** Every batch sent, in sending order. */
    public List<Batch<T>> batches() {
        return batches;
    }

    /** Items a batch sent that never arrived, or that were sent more often than they arrived. */
    public List<T> unexpected() {
        return unexpected;
    }

    /** The batch size the trace was read with. */
    public int batchSize() {
        return batchSize;
    }

    /** When the end-of-stream marker arrived at the input; NaN when it never did. */
    public double inputEndMs() {
        return inputEndMs;
    }

    /** When each end-of-stream marker was put on the output (there should be exactly one). */
    public List<Double> outputEndsMs() {
        return outputEndsMs;
    }

    /** {@link System#nanoTime()} of time zero: when the first item arrived. */
    public long originNanos() {
        return originNanos;
    }

    /** The items that arrived but were never sent. */
    public List<T> neverSent() {
        return arrivals.stream().filter(a -> !a.sent()).map(Arrival::item).toList();
    }

    /** The sent items' waits, in ms, in arrival order. */
    public List<Double> waitsMs() {
        return arrivals.stream().filter(Arrival::sent).map(Arrival::waitMs).toList();
    }

    /**
     * The wait that {@code percent} % of the sent items did not exceed (nearest rank): 50 for
     * the median, 99 for the tail. NaN when no item was sent.
     */
    public double waitPercentile(double percent) {
        List<Double> sorted = waitsMs().stream().sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The batches sent per 100 items that arrived: the API calls a batched stage would make. */
    public double batchesPer100Items() {
        return arrivals.isEmpty() ? Double.NaN : 100.0 * batches.size() / arrivals.size();
    }

    /** This run in one row: see {@link BatchStats}. */
    public BatchStats stats(Duration timeout) {
        return new BatchStats(batchSize, timeout, arrivals.size(), batches.size(), batchesPer100Items(),
                waitPercentile(50), waitPercentile(99), waitsMs().stream().mapToDouble(d -> d).max().orElse(Double.NaN));
    }

    /** One row per batch: number, sent_ms, size, kind, and the wait of its first item. */
    public Table batchTable() {
        Table table = Table.create("batches",
                IntColumn.create("batch"), DoubleColumn.create("sent_ms"), IntColumn.create("size"),
                StringColumn.create("kind"), DoubleColumn.create("first_item_wait_ms"));
        for (Batch<T> batch : batches) {
            table.intColumn("batch").append(batch.number());
            table.doubleColumn("sent_ms").append(Math.round(batch.sentMs() * 10) / 10.0);
            table.intColumn("size").append(batch.size());
            table.stringColumn("kind").append(batch.kind().label());
            table.doubleColumn("first_item_wait_ms").append(Math.round((batch.sentMs() - batch.firstArrivalMs()) * 10) / 10.0);
        }
        return table;
    }

    private static <T> List<T> itemsAtPut(TimedQueue.Put<List<T>> put) {
        if (put.listAtPut() == null) {
            return List.of(); // an item holding null instead of a list
        }
        @SuppressWarnings("unchecked") // the copy of a List<T> taken as it was put
        List<T> items = (List<T>) put.listAtPut();
        return Collections.unmodifiableList(items);
    }

    /** HashMap keys cannot tell null apart from a missing key in this use, so null gets a stand-in. */
    private static Object key(Object item) {
        return Objects.requireNonNullElse(item, NULL_ITEM);
    }

    private static final Object NULL_ITEM = new Object();

    private static double millis(long nanos, long origin) {
        return (nanos - origin) / 1e6;
    }
}
