package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PipelineConfig;
import ai.asyncjava.kit.exercises.ch03.PipelineSummary;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.solutions.ch03.QueuePipeline;
import com.google.genai.Client;

/** Mutant: starts a single worker whatever the configuration asks for. */
public class OneWorkerPipeline extends QueuePipeline {

    @Override
    public PipelineSummary run(PromptSource source, Client client, AnswerSink sink, PipelineConfig config)
            throws Exception {
        return super.run(source, client, sink, new PipelineConfig(1, config.queueSize()));
    }
}
