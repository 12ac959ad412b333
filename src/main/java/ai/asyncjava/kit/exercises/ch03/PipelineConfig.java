package ai.asyncjava.kit.exercises.ch03;

/**
 * How a chapter 03 pipeline is sized.
 *
 * @param workers    how many generator workers call the model, each one call at a time
 * @param queueSize  the most items the input queue and the output queue may each hold; a stage
 *                   that finds its next queue full waits (backpressure)
 * @param cpuThreads how many platform threads a CPU-bound stage may use (Going further)
 */
public record PipelineConfig(int workers, int queueSize, int cpuThreads) {

    public PipelineConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("a pipeline needs at least one worker, not " + workers);
        }
        if (queueSize < 1) {
            throw new IllegalArgumentException("a queue must hold at least one item, not " + queueSize);
        }
        if (cpuThreads < 1) {
            throw new IllegalArgumentException("a CPU stage needs at least one thread, not " + cpuThreads);
        }
    }

    /** A pipeline with no CPU-bound stage: {@code cpuThreads} is the number of processors. */
    public PipelineConfig(int workers, int queueSize) {
        this(workers, queueSize, Runtime.getRuntime().availableProcessors());
    }
}
