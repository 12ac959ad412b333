package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.kit.exercises.ch03.WordCounter;
import com.google.genai.Client;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: runs the reader, the workers and the writer on a fixed pool of platform threads too. */
public class AllOnPlatformPoolPipeline extends CountingStages {

    @Override
    public Map<String, Integer> run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config,
                                    WordCounter counter) throws Exception {
        try (ExecutorService cpu = Executors.newFixedThreadPool(config.cpuThreads());
             ExecutorService stages = Executors.newFixedThreadPool(config.workers() + 2)) {
            return runStages(stages, cpu, source, client, sink, config, counter);
        }
    }
}
