package ai.asyncjava.kit.exercises.ch06;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A search tool that notes when each search started and ended (on the {@link System#nanoTime()}
 * clock the simulators' logs use), around another tool: wrap yours to chart what your agent did.
 * <pre>{@code
 * TimedSearch timed = new TimedSearch(new OpenAlexSearch(http, Works.apiRoot()));
 * agent = new StreamingResearchAgent(client, timed, 5, Duration.ofSeconds(10));
 * ... AgentCharts.timeline("...", gemini.streamLog(), timed.calls())
 * }</pre>
 */
public final class TimedSearch implements WorksSearch {

    /**
     * One search.
     *
     * @param query      what was searched
     * @param startNanos when it started
     * @param endNanos   when it ended
     * @param failed     whether it threw
     */
    public record Call(String query, long startNanos, long endNanos, boolean failed) {}

    private final WorksSearch search;
    private final List<Call> calls = new ArrayList<>();

    public TimedSearch(WorksSearch search) {
        this.search = Objects.requireNonNull(search, "TimedSearch needs the search tool to time");
    }

    @Override
    public Map<String, Object> search(String query) throws IOException, InterruptedException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            Map<String, Object> result = search.search(query);
            failed = false;
            return result;
        } finally {
            synchronized (calls) {
                calls.add(new Call(query, start, System.nanoTime(), failed));
            }
        }
    }

    /** Every search so far, in the order they started. */
    public List<Call> calls() {
        synchronized (calls) {
            return calls.stream().sorted(Comparator.comparingLong(Call::startNanos)).toList();
        }
    }

    /** Forgets the searches so far. */
    public void clear() {
        synchronized (calls) {
            calls.clear();
        }
    }
}
