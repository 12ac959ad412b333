package ai.asyncjava.kit.checks.ch06;

import ai.asyncjava.kit.exercises.ch06.WorksSearch;
import ai.asyncjava.kit.simulators.works.Corpus;
import ai.asyncjava.kit.simulators.works.SearchResult;
import ai.asyncjava.kit.simulators.works.Work;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The search tool the agent checks hand the learner's agent: the works corpus answered in process,
 * after a latency the check sets, with the abstracts as text, so the agent is judged on its own and not on
 * its search tool. It notes when each search started and ended, on which thread, and whether it
 * was interrupted; the searches it is told to fail throw an IOException, the one it is told to hang
 * sleeps until it is interrupted.
 */
final class CheckSearch implements WorksSearch {

    /**
     * One search, as the tool saw it.
     *
     * @param workIds the bare ids ({@code W…}) of the works it returned; none when it failed or hung
     */
    record Call(int number, String query, long startNanos, long endNanos, boolean failed, boolean hung,
                boolean interrupted, List<String> workIds) {

        boolean ended() {
            return endNanos > 0;
        }
    }

    private final Corpus corpus;
    private final IntFunction<Duration> latency;
    private final int failingCall;
    private final int hangingCall;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final List<Call> calls = new ArrayList<>();

    /**
     * @param failingCall the number (from 1, in start order) of the search that throws, 0 for none
     * @param hangingCall the number of the search that never answers, 0 for none
     */
    CheckSearch(Corpus corpus, Duration latency, int failingCall, int hangingCall) {
        this(corpus, number -> latency, failingCall, hangingCall);
    }

    /** As above, with each search's latency chosen by its number (from 1, in start order). */
    CheckSearch(Corpus corpus, IntFunction<Duration> latency, int failingCall, int hangingCall) {
        this.corpus = corpus;
        this.latency = latency;
        this.failingCall = failingCall;
        this.hangingCall = hangingCall;
    }

    @Override
    public Map<String, Object> search(String query) throws IOException, InterruptedException {
        int number = started.incrementAndGet();
        long start = System.nanoTime();
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean interrupted = false;
        List<String> returned = List.of();
        try {
            if (number == hangingCall) {
                Thread.sleep(Duration.ofMinutes(10)); // until the agent cancels it
            }
            Thread.sleep(latency.apply(number));
            if (number == failingCall) {
                throw new IOException("HTTP 500 from the works API for \"" + query + "\"");
            }
            Map<String, Object> answer = answer(query);
            returned = workIds(answer);
            return answer;
        } catch (InterruptedException e) {
            interrupted = true;
            throw e;
        } finally {
            inFlight.decrementAndGet();
            synchronized (calls) {
                calls.add(new Call(number, query, start, System.nanoTime(), number == failingCall, number == hangingCall,
                        interrupted, returned));
            }
        }
    }

    /** Every search that ended, in the order they started. */
    List<Call> calls() {
        synchronized (calls) {
            return calls.stream().sorted(java.util.Comparator.comparingInt(Call::number)).toList();
        }
    }

    /** How many searches were started. */
    int started() {
        return started.get();
    }

    /** The most searches in flight at one moment. */
    int peak() {
        return peak.get();
    }

    private static List<String> workIds(Map<String, Object> answer) {
        if (!(answer.get("results") instanceof List<?> works)) {
            return List.of();
        }
        return works.stream().map(work -> String.valueOf(((Map<?, ?>) work).get("id")))
                .map(id -> id.startsWith(Work.ID_PREFIX) ? id.substring(Work.ID_PREFIX.length()) : id).toList();
    }

    /** OpenAlex's answer, as a learner's tool returns it: the results with their abstracts as text. */
    private Map<String, Object> answer(String query) {
        SearchResult result;
        try {
            result = corpus.search(query, 10, 1, "relevance_score:desc");
        } catch (RuntimeException refused) {
            return Map.of("error", String.valueOf(refused.getMessage()));
        }
        List<Map<String, Object>> works = new ArrayList<>();
        for (Work work : result.works()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", work.id());
            one.put("display_name", work.title());
            one.put("publication_year", work.publicationYear());
            one.put("authorships", work.authors().stream()
                    .map(name -> Map.of("author", Map.of("display_name", name))).toList());
            one.put("abstract", work.abstractText());
            works.add(one);
        }
        return Map.of("meta", Map.of("count", result.count(), "page", 1, "per_page", 10), "results", works);
    }
}
