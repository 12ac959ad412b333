package ai.asyncjava.kit.exercises.ch03;

/**
 * What one run of a pipeline did.
 *
 * @param read        prompts taken from the source
 * @param written     answers handed to the sink
 * @param failedCalls model calls that failed (and were tried again)
 */
public record PipelineSummary(int read, int written, int failedCalls) {
}
