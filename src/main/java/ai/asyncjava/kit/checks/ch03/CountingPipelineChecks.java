package ai.asyncjava.kit.checks.ch03;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch03.CountingPipeline;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 03's Going further: the pipeline with a CPU-bound word count, run
 * like the pipeline checks, with a counter that records which threads count and how many at once.
 */
@HiddenChecks(secondsPerCheck = 6)
class CountingPipelineChecks {

    private static final LatencyModel QUICK = LatencyModel.uniform(Duration.ofMillis(10), Duration.ofMillis(30));
    private static final PipelineConfig CONFIG = new PipelineConfig(4, 3, 2);
    /** The words each answer brings of its own in the totals check: enough that adding them up takes a while. */
    private static final int LONG_ANSWER_WORDS = 3_000;
    /** How often the totals check runs its scenario: a plain HashMap got through one round in 2 of 12 tries. */
    private static final int TOTALS_ROUNDS = 3;

    @Test
    @Order(1)
    @DisplayName("writes every answer and adds up the words of every answer")
    void countsEveryAnswer(Supplier<? extends CountingPipeline> newPipeline) throws Exception {
        // Totals that are not thread-safe lose counts by chance: each round is one more chance to see it.
        for (int round = 0; round < TOTALS_ROUNDS; round++) {
            // Long answers, counted 4 at a time; every worker's call takes as long, so counts start, and
            // end, 4 at a time, and 8 workers add them to the totals at once.
            requireTotals(run(newPipeline, 32, new RecordingCounter(Duration.ofMillis(15), LONG_ANSWER_WORDS),
                    new PipelineConfig(8, 4, 4), LatencyModel.fixed(Duration.ofMillis(20))));
        }
    }

    private static void requireTotals(Outcome outcome) {
        Deliveries.requireEveryPromptOnce(outcome.prompts, outcome.sink.written(), "");
        Map<String, Integer> expected = totals(outcome.counter,
                outcome.prompts.stream().map(GeminiAnswers::answerTo).toList());
        Map<String, Integer> got = outcome.run.result();
        if (got.equals(expected)) {
            return;
        }
        List<String> wrong = new ArrayList<>();
        for (String word : new TreeSet<>(union(expected.keySet(), got.keySet()))) {
            int want = expected.getOrDefault(word, 0);
            int have = got.getOrDefault(word, 0);
            if (want != have && wrong.size() < 3) {
                wrong.add("\"" + word + "\" " + times(have) + " (the answers hold it " + times(want) + ")");
            }
        }
        String hint;
        if (got.equals(totals(outcome.counter, outcome.prompts))) {
            hint = " These are the words of the prompts: count the words of each answer.";
        } else if (expected.entrySet().stream().allMatch(e -> got.getOrDefault(e.getKey(), 0) <= e.getValue())) {
            hint = " Counts are missing (" + missing(expected, got) + "). Either they were not all in before run "
                    + "returned (wait for every counting task: get() its future, or close the pool), or several "
                    + "threads added to a map that is not thread-safe at the same time and some additions were "
                    + "lost: a plain HashMap's merge is not atomic. Use a ConcurrentHashMap, whose merge is.";
        } else {
            hint = " Some words were counted too often: add each answer's counts to the totals once.";
        }
        fail("The totals say " + String.join(", ", wrong) + "." + hint);
    }

    @Test
    @Order(2)
    @DisplayName("counts words on platform threads, never on a virtual thread")
    void countsOnPlatformThreads(Supplier<? extends CountingPipeline> newPipeline) throws Exception {
        Outcome outcome = run(newPipeline, 16, Duration.ofMillis(10));
        int virtual = outcome.counter.onVirtualThreads();
        if (virtual > 0) {
            fail(virtual + " of the " + outcome.counter.counts() + " word counts ran on a virtual thread. Counting is "
                    + "CPU work: on a virtual thread it holds one of the few carrier threads that every virtual "
                    + "thread shares, so the threads waiting for the model get less of a turn. Hand each count to a "
                    + "pool of config.cpuThreads() platform threads (Executors.newFixedThreadPool) and wait for it.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("counts at most cpuThreads answers at once")
    void boundedCpuPool(Supplier<? extends CountingPipeline> newPipeline) throws Exception {
        Outcome outcome = run(newPipeline, 20, Duration.ofMillis(30));
        int most = outcome.counter.mostAtOnce();
        if (most > CONFIG.cpuThreads()) {
            fail(most + " answers were counted at the same time, on " + outcome.counter.threadCount() + " threads, "
                    + "with cpuThreads = " + CONFIG.cpuThreads() + ". More threads than cores do not count faster; "
                    + "they only take turns. Use a fixed pool of config.cpuThreads() threads.");
        }
    }

    @Test
    @Order(4)
    @DisplayName("reads, calls the model and writes on virtual threads")
    void ioOnVirtualThreads(Supplier<? extends CountingPipeline> newPipeline) throws Exception {
        Outcome outcome = run(newPipeline, 16, Duration.ofMillis(5));
        List<String> onPlatform = new ArrayList<>();
        if (outcome.source.threads().stream().anyMatch(t -> !t.isVirtual())) {
            onPlatform.add("reading");
        }
        if (outcome.run.calls().stream().anyMatch(c -> !c.virtualThread())) {
            onPlatform.add("calling the model");
        }
        if (outcome.sink.threads().stream().anyMatch(t -> !t.isVirtual())) {
            onPlatform.add("writing");
        }
        if (!onPlatform.isEmpty()) {
            String stages = onPlatform.size() == 1 ? onPlatform.getFirst()
                    : String.join(", ", onPlatform.subList(0, onPlatform.size() - 1)) + " and " + onPlatform.getLast();
            fail(Character.toUpperCase(stages.charAt(0)) + stages.substring(1) + " ran on platform threads. Only "
                    + "the counting belongs on the platform pool; keep the stages that wait (reading, calling the model, writing) on virtual threads, "
                    + "which cost nothing while they wait.");
        }
    }

    private static Outcome run(Supplier<? extends CountingPipeline> newPipeline, int promptCount, Duration countTime)
            throws Exception {
        return run(newPipeline, promptCount, new RecordingCounter(countTime), CONFIG, QUICK);
    }

    private static Outcome run(Supplier<? extends CountingPipeline> newPipeline, int promptCount,
                               RecordingCounter counter, PipelineConfig config, LatencyModel latency)
            throws Exception {
        Outcome outcome = new Outcome(PipelineBench.prompts(promptCount), counter);
        PipelineBench.prepare(latency, FaultSettings.none());
        CountingPipeline pipeline = newPipeline.get();
        outcome.run = PipelineBench.run(client -> pipeline.run(outcome.source, client, outcome.sink, config,
                outcome.counter));
        if (outcome.run.failure() != null) {
            boolean sharedMap = Wording.causedBy(outcome.run.failure(), ConcurrentModificationException.class);
            fail("run threw " + Wording.thrownAt(outcome.run.failure()) + "." + (sharedMap ? " Several threads "
                    + "changed one map at the same time: a plain HashMap is not thread-safe, and besides throwing "
                    + "now and then it loses counts. Add the counts up in a ConcurrentHashMap, whose merge is atomic."
                    : ""));
        }
        if (outcome.run.result() == null) {
            fail("run returned null; return the word counts over all answers.");
        }
        if (outcome.counter.counts() == 0 || outcome.sink.written().isEmpty()) {
            fail("run read " + outcome.traffic.read() + " prompts, called the counter " + outcome.counter.counts()
                    + " times and wrote " + outcome.sink.written().size() + " answers; it should count and write "
                    + "every answer.");
        }
        return outcome;
    }

    /** The totals {@code counter} gives over {@code texts}. */
    private static Map<String, Integer> totals(RecordingCounter counter, List<String> texts) {
        Map<String, Integer> totals = new HashMap<>();
        texts.forEach(text -> counter.countsOf(text).forEach((word, n) -> totals.merge(word, n, Integer::sum)));
        return totals;
    }

    // "31 of 96,050 counts"
    private static String missing(Map<String, Integer> expected, Map<String, Integer> got) {
        long want = expected.values().stream().mapToLong(Integer::longValue).sum();
        long have = got.values().stream().mapToLong(Integer::longValue).sum();
        return String.format(Locale.ROOT, "%,d of %,d counts", want - have, want);
    }

    private static String times(int n) {
        return switch (n) {
            case 0 -> "no times";
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** One run's source, sink, counter and what came of it. */
    private static final class Outcome {
        final List<String> prompts;
        final Traffic traffic = new Traffic();
        final ScriptedSource source;
        final RecordingSink sink;
        final RecordingCounter counter;
        PipelineBench.Run<Map<String, Integer>> run;

        Outcome(List<String> prompts, RecordingCounter counter) {
            this.prompts = prompts;
            this.source = new ScriptedSource(prompts, traffic);
            this.sink = new RecordingSink(Duration.ofMillis(1), traffic);
            this.counter = counter;
        }
    }
}
