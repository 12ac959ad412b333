/**
 * Chapter 03, data pipelines: the contracts learners implement. A {@link
 * ai.asyncjava.kit.exercises.ch03.PromptSource} over sharded prompt files, an {@link
 * ai.asyncjava.kit.exercises.ch03.AnswerSink} that writes JSON-lines shards, the {@link
 * ai.asyncjava.kit.exercises.ch03.Pipeline} that joins them through bounded queues and
 * generator workers, and its Going further with a CPU-bound stage, {@link
 * ai.asyncjava.kit.exercises.ch03.CountingPipeline}.
 */
package ai.asyncjava.kit.exercises.ch03;
