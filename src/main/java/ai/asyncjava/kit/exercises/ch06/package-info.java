/**
 * Chapter 06, function-calling agents: the contracts learners implement. An {@link
 * ai.asyncjava.kit.exercises.ch06.AbstractRebuilder} for OpenAlex's inverted-index abstracts, the
 * {@link ai.asyncjava.kit.exercises.ch06.WorksSearch} tool over the works API, and the {@link
 * ai.asyncjava.kit.exercises.ch06.ResearchAgent} that streams the model's reply, starts each search
 * the moment its call appears, and loops round after round until the model answers.
 */
package ai.asyncjava.kit.exercises.ch06;
