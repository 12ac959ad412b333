package ai.asyncjava.kit.exercises.ch04;

import java.time.Duration;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One batcher run in figures: what it cost (batches, so API calls, per 100 items) and what it
 * made items wait.
 *
 * @param batchSize    the batch size it ran with
 * @param timeout      the timeout it ran with
 * @param items        items that arrived
 * @param batches      batches sent
 * @param callsPer100  batches per 100 items: the API calls a batched stage makes
 * @param p50WaitMs    the median item wait
 * @param p99WaitMs    the 99th-percentile item wait
 * @param maxWaitMs    the longest item wait
 */
public record BatchStats(int batchSize, Duration timeout, int items, int batches, double callsPer100,
                         double p50WaitMs, double p99WaitMs, double maxWaitMs) {

    /** A table of runs, one row each, for {@code table.print()}. */
    public static Table table(List<BatchStats> runs) {
        Table table = Table.create("batch size against timeout",
                IntColumn.create("batch_size"), IntColumn.create("timeout_ms"), IntColumn.create("items"),
                IntColumn.create("calls"), DoubleColumn.create("calls_per_100"),
                DoubleColumn.create("p50_wait_ms"), DoubleColumn.create("p99_wait_ms"));
        for (BatchStats run : runs) {
            table.intColumn("batch_size").append(run.batchSize());
            table.intColumn("timeout_ms").append((int) run.timeout().toMillis());
            table.intColumn("items").append(run.items());
            table.intColumn("calls").append(run.batches());
            table.doubleColumn("calls_per_100").append(round(run.callsPer100()));
            table.doubleColumn("p50_wait_ms").append(round(run.p50WaitMs()));
            table.doubleColumn("p99_wait_ms").append(round(run.p99WaitMs()));
        }
        return table;
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 10) / 10.0 : value;
    }
}
