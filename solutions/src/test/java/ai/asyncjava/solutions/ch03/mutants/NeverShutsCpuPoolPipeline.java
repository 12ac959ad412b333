package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.kit.exercises.ch03.WordCounter;
import com.google.genai.Client;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: makes the CPU pool and never shuts it down, so its threads outlive run(). */
public class NeverShutsCpuPoolPipeline extends CountingStages {

    @Override
    public Map<String, Integer> run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config,
                                    WordCounter counter) throws Exception {
        ExecutorService cpu = Executors.newFixedThreadPool(config.cpuThreads());
        try (ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            return runStages(stages, cpu, source, client, sink, config, counter);
        }
    }
}
