package ai.asyncjava.kit.checks.ch03;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.exercises.ch03.CountingPipeline;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.WordCounter;
import ai.asyncjava.kit.simulators.FaultSettings;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
@HiddenChecks(secondsPerCheck = 3.5)
class CountingPipelineChecks {

    private static final LatencyModel QUICK = LatencyModel.uniform(Duration.ofMillis(10), Duration.ofMillis(30));
    private static final PipelineConfig CONFIG = new PipelineConfig(4, 3, 2);

    @Test
    @Order(1)
    @DisplayName("writes every answer and adds up the words of every answer")
    void countsEveryAnswer(Supplier<? extends CountingPipeline> newPipeline) throws Exception {
        Outcome outcome = run(newPipeline, 24, Duration.ofMillis(15));
        Deliveries.requireEveryPromptOnce(outcome.prompts, outcome.sink.written(), "");
        Map<String, Integer> expected = totals(outcome.prompts.stream().map(GeminiAnswers::answerTo).toList());
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
        if (got.equals(totals(outcome.prompts))) {
            hint = " These are the words of the prompts: count the words of each answer.";
        } else if (expected.entrySet().stream().allMatch(e -> got.getOrDefault(e.getKey(), 0) <= e.getValue())) {
            hint = " Counts are missing: were they all in before run returned? Wait for every counting task (get() "
                    + "its future, or close the pool) before you return the totals.";
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
        Outcome outcome = new Outcome(PipelineBench.prompts(promptCount), countTime);
        PipelineBench.prepare(QUICK, FaultSettings.none());
        CountingPipeline pipeline = newPipeline.get();
        outcome.run = PipelineBench.run(client -> pipeline.run(outcome.source, client, outcome.sink, CONFIG,
                outcome.counter), () -> {
                    Set<Thread> threads = new HashSet<>(outcome.source.threads());
                    threads.addAll(outcome.sink.threads());
                    return threads;
                });
        if (outcome.run.failure() != null) {
            fail("run threw " + PipelineBench.thrown(outcome.run.failure()) + ".");
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

    private static Map<String, Integer> totals(List<String> texts) {
        Map<String, Integer> totals = new HashMap<>();
        WordCounter plain = WordCounter.plain();
        texts.forEach(text -> plain.count(text).forEach((word, n) -> totals.merge(word, n, Integer::sum)));
        return totals;
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

        Outcome(List<String> prompts, Duration countTime) {
            this.prompts = prompts;
            this.source = new ScriptedSource(prompts, traffic);
            this.sink = new RecordingSink(Duration.ofMillis(1), traffic);
            this.counter = new RecordingCounter(countTime);
        }
    }
}
