package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.kit.exercises.ch03.WordCounter;
import com.google.genai.Client;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: every worker adds its answer's counts to one plain HashMap, which is not thread-safe. */
public class HashMapTotalsPipeline extends CountingStages {

    @Override
    public Map<String, Integer> run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config,
                                    WordCounter counter) throws Exception {
        try (ExecutorService cpu = Executors.newFixedThreadPool(config.cpuThreads());
             ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            return runStages(stages, cpu, source, client, sink, config, counter, new HashMap<>());
        }
    }
}
